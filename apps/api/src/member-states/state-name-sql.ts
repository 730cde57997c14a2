/**
 * A State's name in a language, from the reference table: `language` an SQL expression holding
 * a UN language code (say a recipient's `u.preferred_language`), `states` the alias of a
 * `member_states` row. English for anything else. The one place mail and exports spell it.
 */
export const stateNameIn = (language: string, states = 'ms') => `(case ${language}
  when 'ar' then ${states}.name_ar when 'zh' then ${states}.name_zh when 'fr' then ${states}.name_fr
  when 'ru' then ${states}.name_ru when 'es' then ${states}.name_es else ${states}.name_en end)`;
