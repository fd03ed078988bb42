import type { en } from './en';

/** Same shape as the English catalog, every leaf a string: a missing or extra key is a type error. */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Catalog = Strings<typeof en>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key of the catalogs, e.g. `errors.wrongPin`. */
export type MessageKey = Leaves<typeof en>;
export type MessageParams = Record<string, string | number>;
