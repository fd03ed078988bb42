import type { en } from './en';

/**
 * An English singular (`heldCount_one` beside `heldCount`): i18next words a `count` of 1 with it and
 * any other count with the plain key. Chinese has no singular, so its catalog has no such keys, and
 * a caller always names the plain key.
 */
export type Singular = `${string}_one`;
export const SINGULAR_SUFFIX = '_one';

/** Same shape as the English catalog bar its singulars, every leaf a string: a missing or extra key is a type error. */
export type Strings<T> = { readonly [K in keyof T as K extends Singular ? never : K]: T[K] extends string ? string : Strings<T[K]> };
export type Catalog = Strings<typeof en>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: K extends Singular ? never : T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key of the catalogs, e.g. `errors.wrongPin`. */
export type MessageKey = Leaves<typeof en>;
export type MessageParams = Record<string, string | number>;
