import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialog } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ReasonDialog, type ReasonDialogData } from './reason.dialog';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

@Component({ template: '' })
class Host {}

const REVOKE: ReasonDialogData = {
  titleKey: 'participation.nominee.certificate.revokeTitle',
  labelKey: 'participation.nominee.certificate.reason',
  confirmKey: 'participation.nominee.certificate.revoke',
  params: { name: 'Amina Odhiambo' },
  singleLine: { maxLength: 500 },
  destructive: true,
};

function open(data: ReasonDialogData) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
  });
  const fixture = TestBed.createComponent(Host);
  const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  const ref = TestBed.inject(MatDialog).open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, {
    data,
  });
  return { loader, closed: firstValueFrom(ref.afterClosed()) };
}

describe('ReasonDialog', () => {
  it('sends the reason typed, trimmed, with the confirm button', async () => {
    const { loader, closed } = open(REVOKE);
    const dialog = await loader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness)).setValue('  Issued by mistake  ');
    await (
      await dialog.getHarness(MatButtonHarness.with({ text: 'Revoke the certificate' }))
    ).click();
    await expect(closed).resolves.toBe('Issued by mistake');
  });

  it('keeps the dialog open and says why while the reason is blank or too short', async () => {
    const { loader } = open(REVOKE);
    const dialog = await loader.getHarness(MatDialogHarness);
    const confirm = await dialog.getHarness(
      MatButtonHarness.with({ text: 'Revoke the certificate' }),
    );
    const input = await dialog.getHarness(MatInputHarness);
    const field = await dialog.getHarness(MatFormFieldHarness);
    for (const typed of ['   ', 'no']) {
      await input.setValue(typed);
      await confirm.click();
      expect(await field.getTextErrors()).toHaveLength(1);
      expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(1);
    }
  });

  it('takes several lines where one line is not asked', async () => {
    const { loader, closed } = open({ ...REVOKE, singleLine: undefined });
    const dialog = await loader.getHarness(MatDialogHarness);
    const input = await dialog.getHarness(MatInputHarness);
    expect(await (await input.host()).getProperty('tagName')).toBe('TEXTAREA');
    await input.setValue('First line\nsecond line');
    await (
      await dialog.getHarness(MatButtonHarness.with({ text: 'Revoke the certificate' }))
    ).click();
    await expect(closed).resolves.toBe('First line\nsecond line');
  });
});
