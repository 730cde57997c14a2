import { Injectable, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { TRANSLOCO_TRANSPILER, type TranspileParams } from '@jsverse/transloco';
import { MessageFormatTranspiler } from '@jsverse/transloco-messageformat';
import { isolateFor } from './bidi';
import { directionOf, type TextDirection } from './language';

/**
 * Translations are ICU messages ("{count, plural, one {# event} other {# events}}",
 * "Plan {title}?"), compiled by messageformat in the active language, so each
 * language declines its counts by its own plural rules (Arabic has six forms).
 * Values are passed to the compiled message, never pasted into its text, so a
 * title with a brace or an apostrophe cannot break it; and each text value is
 * isolated when its direction differs from the sentence's.
 */
@Injectable()
export class IcuTranspiler extends MessageFormatTranspiler {
  private direction: TextDirection = 'ltr';

  override transpile(params: TranspileParams): unknown {
    const values = params.params;
    if (!values || typeof params.value !== 'string') return super.transpile(params);
    const isolated: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values))
      isolated[name] = typeof value === 'string' ? isolateFor(value, this.direction) : value;
    return super.transpile({ ...params, params: isolated });
  }

  override onLangChanged(language: string): void {
    this.direction = directionOf(language);
    super.onLangChanged(language);
  }
}

/** Transloco speaking ICU MessageFormat (see IcuTranspiler). */
export function provideIcuMessages(): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: TRANSLOCO_TRANSPILER, useClass: IcuTranspiler }]);
}
