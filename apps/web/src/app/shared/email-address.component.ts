import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * An email address that, when it must wrap, wraps before its "@" rather than mid-name, and
 * reads left to right inside right-to-left text.
 */
@Component({
  selector: 'cv-email-address',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="cv-email-address" dir="ltr"
    >{{ parts().local }}<wbr />{{ parts().domain }}</span
  >`,
  styles: `
    .cv-email-address {
      overflow-wrap: break-word;
      unicode-bidi: isolate;
    }
  `,
})
export class EmailAddress {
  readonly address = input.required<string>();

  protected readonly parts = computed(() => splitEmail(this.address()));
}

/** The part before the last "@", and the rest with its "@". */
export function splitEmail(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return at < 0
    ? { local: address, domain: '' }
    : { local: address.slice(0, at), domain: address.slice(at) };
}
