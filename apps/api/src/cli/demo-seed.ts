import type { Role } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { addMember, createTenant } from '../tenants/tenant-provisioning';

export const DEMO_PASSWORD = 'Convene-demo-2026';

interface DemoPerson {
  tenant: 'demo' | 'northwind';
  email: string;
  name: string;
  role: Role;
  memberStateAlpha3?: string;
  preferredLanguage?: string;
  description: string;
}

const PEOPLE: DemoPerson[] = [
  {
    tenant: 'demo',
    email: 'admin@demo.example',
    name: 'Amina Haddad',
    role: 'tenant_admin',
    description: 'tenant admin of demo',
  },
  {
    tenant: 'demo',
    email: 'officer@demo.example',
    name: 'Lukas Berger',
    role: 'programme_officer',
    description: 'programme officer of demo (also expert in northwind)',
  },
  {
    tenant: 'demo',
    email: 'focal@demo.example',
    name: 'Wanjiru Kamau',
    role: 'focal_point',
    memberStateAlpha3: 'KEN',
    description: 'focal point for Kenya in demo',
  },
  {
    tenant: 'demo',
    email: 'expert@demo.example',
    name: 'Camille Laurent',
    role: 'expert',
    preferredLanguage: 'fr',
    description: 'expert in demo (French interface)',
  },
  {
    tenant: 'northwind',
    email: 'admin@northwind.example',
    name: 'Sofia Lindqvist',
    role: 'tenant_admin',
    description: 'tenant admin of northwind',
  },
  {
    tenant: 'northwind',
    email: 'officer@demo.example',
    name: 'Lukas Berger',
    role: 'expert',
    description: '',
  },
];

export const DEMO_SIGN_INS = PEOPLE.filter((person) => person.description !== '');

/**
 * Two tenants, one person per role, in development only. Runs once: if the
 * demo tenant exists, nothing is touched.
 */
export async function seedDemo(dataSource: DataSource): Promise<boolean> {
  const exists = await dataSource.transaction((manager) =>
    sql(manager, `select 1 from tenants where slug = 'demo'`),
  );
  if (exists.length > 0) return false;
  const tenants = {
    demo: await createTenant(dataSource, {
      slug: 'demo',
      name: 'Terrorism Prevention Branch (demo)',
    }),
    northwind: await createTenant(dataSource, {
      slug: 'northwind',
      name: 'Northwind Regional Academy',
    }),
  };
  for (const person of PEOPLE) {
    await addMember(dataSource, tenants[person.tenant], { ...person, password: DEMO_PASSWORD });
  }
  return true;
}
