import type { PagingDetails, ScriptKind } from '../contract/paging';
import { catalogs, LANGUAGES, type Language } from '../i18n';
import { formatParkTime } from './time';

/**
 * The standard scripts: one template per kind and language, with `{placeholders}` filled from the
 * request, so the operator always reads the park's standard wording. Private details (the
 * guardian's phone, cash amounts, ID numbers) have no placeholder and never reach the PA.
 */
export const PLACEHOLDERS: Record<ScriptKind, readonly string[]> = {
  missingChild: ['name', 'age', 'sex', 'height', 'clothing', 'lastSeenPlace', 'lastSeenTime', 'guardianName', 'meetingPoint'],
  missingPerson: ['name', 'age', 'sex', 'height', 'clothing', 'lastSeenPlace', 'lastSeenTime', 'guardianName', 'meetingPoint'],
  summonHead: ['department', 'head'],
  lostProperty: ['item', 'foundPlace', 'claimPoint'],
};

/** The placeholders a template uses that its kind does not have (a typo a manager must fix). */
export function unknownPlaceholders(kind: ScriptKind, template: string): string[] {
  const used = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  return [...new Set(used.filter((name) => !PLACEHOLDERS[kind].includes(name)))];
}

/** Stands in for an empty detail while its separating comma is taken out (a private-use character no template has). */
const EMPTY = '\uE000';
const EMPTY_WITH_COMMA = new RegExp(`[,，、]\\s*${EMPTY}\\s*(?=[,，、])`, 'g');

/**
 * The template with its placeholders filled. A detail left empty (a department without a named head)
 * takes the comma that set it apart along with it: "the head of Rides, {head}, please" reads "the
 * head of Rides, please", never "Rides, , please".
 */
export function fillScript(template: string, values: Readonly<Record<string, string>>): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === '' ? EMPTY : (values[name] ?? whole)))
    .replace(EMPTY_WITH_COMMA, '')
    .replaceAll(EMPTY, '');
}

export interface ScriptContext {
  timeZone: string;
  department?: { nameZh: string; nameEn: string; headName: string } | undefined;
}

/**
 * A meeting or claim point as the script's language says it: the default one, the visitor center, is
 * read in the script's own language whichever language the counter's form was filled in.
 */
function visitorCenterIn(value: string, language: Language): string {
  const visitorCenter = (of: Language) => catalogs[of].paging.defaults.meetingPoint;
  return LANGUAGES.some((other) => visitorCenter(other) === value.trim()) ? visitorCenter(language) : value;
}

/** The values of a request's placeholders in one language. */
export function scriptValues(details: PagingDetails, language: Language, context: ScriptContext): Record<string, string> {
  switch (details.kind) {
    case 'missingPerson': {
      const words = catalogs[language].paging.scriptWords;
      const height = details.heightCm === undefined ? '' : words.height.replace('{{cm}}', String(details.heightCm));
      return {
        name: details.name,
        age: String(details.age),
        sex: words[details.child ? 'child' : 'adult'][details.sex],
        height,
        clothing: (language === 'en' && details.clothingEn) || details.clothing,
        lastSeenPlace: (language === 'en' && details.lastSeenPlaceEn) || details.lastSeenPlace,
        lastSeenTime: formatParkTime(details.lastSeenAt, context.timeZone),
        guardianName: details.guardianName,
        meetingPoint: visitorCenterIn(details.meetingPoint, language),
      };
    }
    case 'summonHead':
      return {
        department: context.department ? (language === 'zh-CN' ? context.department.nameZh : context.department.nameEn) : '',
        head: context.department?.headName ?? '',
      };
    case 'lostProperty':
      return {
        item: (language === 'en' && details.itemEn) || details.item,
        foundPlace: (language === 'en' && details.foundPlaceEn) || details.foundPlace,
        claimPoint: (language === 'en' && details.claimPointEn) || visitorCenterIn(details.claimPoint, language),
      };
    case 'general':
      return {};
  }
}

const CHINESE = /[\u3400-\u9fff]/;

/** The fields the counter may give English words for (`clothingEn`, `itemEn` ...). */
const TRANSLATABLE = { missingPerson: ['clothing', 'lastSeenPlace'], lostProperty: ['item', 'foundPlace', 'claimPoint'] } as const;

export type UntranslatedField = (typeof TRANSLATABLE)[keyof typeof TRANSLATABLE][number];

/**
 * The fields the English script would read out in Chinese (no English given for them): read from
 * the English script's own values, so the visitor center has its English and names are never asked
 * for. Empty when the English script can be read as it is.
 */
export function untranslatedFields(details: PagingDetails, context: ScriptContext): UntranslatedField[] {
  if (details.kind !== 'missingPerson' && details.kind !== 'lostProperty') return [];
  const english = scriptValues(details, 'en', context);
  return TRANSLATABLE[details.kind].filter((field) => CHINESE.test(english[field] ?? ''));
}
