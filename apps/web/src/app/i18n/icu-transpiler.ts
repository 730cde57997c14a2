import { type EnvironmentProviders, Injectable, makeEnvironmentProviders } from '@angular/core';
import { DefaultTranspiler, TRANSLOCO_TRANSPILER, type TranspileParams } from '@jsverse/transloco';
import { isolateFor } from './bidi';
import { formatMessage } from './icu-message';
import { DEFAULT_LANGUAGE, directionOf, type TextDirection } from './language';

/**
 * Translations are ICU messages ("{count, plural, one {# event} other {# events}}",
 * "Plan {title}?") read in the active language, so each language declines its
 * counts by its own plural rules (Arabic has six forms). Values are handed to
 * the message, never pasted into its text, so a title with a brace or an
 * apostrophe cannot break it; and each text value is isolated when its
 * direction differs from the sentence's (see bidi.ts).
 */
@Injectable()
export class IcuTranspiler extends DefaultTranspiler {
  private language: string = DEFAULT_LANGUAGE;
  private direction: TextDirection = directionOf(DEFAULT_LANGUAGE);

  override transpile(params: TranspileParams): unknown {
    const { value } = params;
    if (typeof value !== 'string') return super.transpile(params);
    if (!value) return value;
    const values: Record<string, unknown> = {};
    for (const [name, given] of Object.entries(params.params ?? {}))
      values[name] = typeof given === 'string' ? isolateFor(given, this.direction) : given;
    try {
      return formatMessage(value, values, this.language);
    } catch {
      // A message that does not parse (the tests keep them from shipping) shows as written.
      return value;
    }
  }

  onLangChanged(language: string): void {
    this.language = language;
    this.direction = directionOf(language);
  }
}

/** Transloco speaking ICU MessageFormat (see IcuTranspiler). */
export function provideIcuMessages(): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: TRANSLOCO_TRANSPILER, useClass: IcuTranspiler }]);
}
