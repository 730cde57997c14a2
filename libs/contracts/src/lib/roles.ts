import { z } from 'zod';
import { ROLES } from './interface-vocabulary';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
