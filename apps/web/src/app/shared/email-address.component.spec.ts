import { TestBed } from '@angular/core/testing';
import { EmailAddress, splitEmail } from './email-address.component';

describe('an email address', () => {
  it('splits before the last @', () => {
    expect(splitEmail('focal.point@ministry.example')).toEqual({
      local: 'focal.point',
      domain: '@ministry.example',
    });
    expect(splitEmail('"a@b"@example.org')).toEqual({ local: '"a@b"', domain: '@example.org' });
    expect(splitEmail('no-at-sign')).toEqual({ local: 'no-at-sign', domain: '' });
  });

  it('may wrap only before its @, and reads left to right', () => {
    const fixture = TestBed.createComponent(EmailAddress);
    fixture.componentRef.setInput('address', 'focal.point@ministry.example');
    fixture.detectChanges();
    const span = (fixture.nativeElement as HTMLElement).querySelector('span');
    expect(span?.getAttribute('dir')).toBe('ltr');
    expect(span?.innerHTML).toBe('focal.point<wbr>@ministry.example');
  });
});
