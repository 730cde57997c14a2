/*
 * The words every page of the web app needs from its first load: the languages, the roles and
 * the problem prefix. Apart from the rest of the vocabulary (vocabulary.ts) because a module is
 * the unit the bundler places: the first load's code carries this file whole, and the later
 * pages' words stay with the later pages. Imports nothing (vocabulary.spec.ts).
 */

/** The six official UN languages, by ISO 639-1 code. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/**
 * Languages the interface ships translations for: all six UN languages, in the UN's order.
 * A translations test fails on any key missing in any of them.
 */
export const INTERFACE_LANGUAGES = UN_LANGUAGES satisfies readonly (typeof UN_LANGUAGES)[number][];
export const RTL_LANGUAGES: readonly (typeof UN_LANGUAGES)[number][] = ['ar'];

export const ROLES = ['tenant_admin', 'programme_officer', 'focal_point', 'expert'] as const;

/** A problem's `type` is this prefix and its code (problemType). */
export const PROBLEM_TYPE_PREFIX = '/problems/';
