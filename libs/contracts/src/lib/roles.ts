import { z } from 'zod';

export const ROLES = ['tenant_admin', 'programme_officer', 'focal_point', 'expert'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
