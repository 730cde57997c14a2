import { z } from 'zod';
import { Language } from './common';

/** The five UN regional groups. */
export const REGIONAL_GROUPS = [
  'african',
  'asia_pacific',
  'eastern_european',
  'latin_american_caribbean',
  'western_european_others',
] as const;
export const RegionalGroup = z.enum(REGIONAL_GROUPS);
export type RegionalGroup = z.infer<typeof RegionalGroup>;

/** ISO 3166-1 alpha-3, upper case. */
export const Alpha3 = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code')
  .transform((code) => code.toUpperCase());

export interface MemberState {
  alpha3: string;
  alpha2: string;
  /** null for a State that sits in no regional group. */
  regionalGroup: RegionalGroup | null;
  /** true for the two observer States (Holy See, State of Palestine). */
  observer: boolean;
  names: Record<Language, string>;
}

export const MemberStateQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  region: RegionalGroup.optional(),
  /** Language used to sort by name and to search; English by default. */
  lang: Language.default('en'),
});
export type MemberStateQuery = z.infer<typeof MemberStateQuery>;
