import { Pipe, type PipeTransform } from '@angular/core';
import { isolateFor } from './bidi';
import { directionOf } from './language';

/**
 * Names people typed (organisers, speakers) as one list in the reader's
 * language ("UNODC, OSCE and INTERPOL", "UNODC وOSCE"), each name isolated
 * so that a name in another script keeps its letters and punctuation in order.
 */
@Pipe({ name: 'isolatedList' })
export class IsolatedListPipe implements PipeTransform {
  transform(items: readonly string[], language: string): string {
    const direction = directionOf(language);
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(
      items.map((item) => isolateFor(item, direction)),
    );
  }
}
