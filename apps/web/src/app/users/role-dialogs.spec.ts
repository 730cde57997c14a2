import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatDialog } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { MemberState, TenantMember } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { of } from 'rxjs';
import { MemberStatesApi } from '../member-states/member-states.api';
import { ChangeRoleDialog } from './change-role.dialog';
import { InviteMemberDialog } from './invite-member.dialog';
import { UsersStore } from './users.store';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

@Component({ template: '' })
class Host {}

const kenya: MemberState = {
  alpha3: 'KEN',
  alpha2: 'KE',
  groups: [{ group: 'african', kind: 'member' }],
  electoralGroup: 'african',
  geographicRegion: 'africa',
  observer: false,
  names: { en: 'Kenya', fr: 'Kenya', ar: 'كينيا', es: 'Kenya', ru: 'Кения', zh: '肯尼亚' },
};

function setUp() {
  const store = { invite: jest.fn(), updateMember: jest.fn() };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      { provide: UsersStore, useValue: store },
      { provide: MemberStatesApi, useValue: { list: () => of([kenya]) } },
    ],
  });
  const fixture = TestBed.createComponent(Host);
  const loader: HarnessLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  return { store, fixture, loader, dialog: TestBed.inject(MatDialog) };
}

/** The labels of a dialog's form fields, in order. */
async function fieldLabels(dialog: MatDialogHarness): Promise<(string | null)[]> {
  const fields = await dialog.getAllHarnesses(MatFormFieldHarness);
  return Promise.all(fields.map((field) => field.getLabel()));
}

describe('the invite dialog', () => {
  it('offers the roles with their descriptions and asks a State only of focal points', async () => {
    const { loader, dialog, store } = setUp();
    dialog.open(InviteMemberDialog);
    const dialogHarness = await loader.getHarness(MatDialogHarness);

    const role = await dialogHarness.getHarness(MatSelectHarness);
    expect(await role.getValueText()).toBe('Expert');
    expect(await fieldLabels(dialogHarness)).toEqual(['Email', 'Role']);
    expect(document.body.textContent).toContain(
      'Keeps a roster profile, is assigned to events and shares meeting outputs.',
    );
    expect(await dialogHarness.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).toBeTruthy();

    await role.open();
    await role.clickOptions({ text: 'Focal point' });
    expect(await fieldLabels(dialogHarness)).toEqual(['Email', 'Role', 'Member State']);

    const email = await dialogHarness.getHarness(
      MatInputHarness.with({ selector: '[type=email]' }),
    );
    await email.setValue('grace@demo.example');
    const send = await dialogHarness.getHarness(MatButtonHarness.with({ text: 'Send invitation' }));
    await send.click();
    expect(store.invite).not.toHaveBeenCalled();

    await role.open();
    await role.clickOptions({ text: 'Expert' });
    expect(await fieldLabels(dialogHarness)).toEqual(['Email', 'Role']);
    let resolve: (value: unknown) => void = () => undefined;
    store.invite.mockReturnValue(new Promise((done) => (resolve = done)));
    await send.click();
    expect(store.invite).toHaveBeenCalledWith({
      email: 'grace@demo.example',
      role: 'expert',
      memberStateAlpha3: null,
    });
    expect(await send.isDisabled()).toBe(true);
    expect(document.querySelector('mat-progress-spinner')).not.toBeNull();
    resolve({ id: 'i-1', email: 'grace@demo.example' });
  });
});

describe('the change role dialog', () => {
  it('keeps a focal point’s State and drops it for other roles', async () => {
    const { loader, dialog, store } = setUp();
    const member: TenantMember = {
      membershipId: 'm-1',
      userId: 'u-1',
      email: 'fp@demo.example',
      name: 'Fatima',
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
      status: 'active',
      createdAt: '2026-11-28T08:00:00.000Z',
    };
    store.updateMember.mockImplementation(async (_member, change) => ({ ...member, ...change }));
    dialog.open(ChangeRoleDialog, { data: member });
    const dialogHarness = await loader.getHarness(MatDialogHarness);
    const save = await dialogHarness.getHarness(MatButtonHarness.with({ text: 'Save' }));
    expect(await fieldLabels(dialogHarness)).toEqual(['Role', 'Member State']);

    await save.click();
    expect(store.updateMember).toHaveBeenLastCalledWith(member, {
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
    });

    dialog.open(ChangeRoleDialog, { data: member });
    const again = (await loader.getAllHarnesses(MatDialogHarness)).at(-1) as MatDialogHarness;
    const role = await again.getHarness(MatSelectHarness);
    await role.open();
    await role.clickOptions({ text: 'Expert' });
    expect(await fieldLabels(again)).toEqual(['Role']);
    await (await again.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    expect(store.updateMember).toHaveBeenLastCalledWith(member, {
      role: 'expert',
      memberStateAlpha3: null,
    });
  });
});
