import { Accounts1764390000000 } from './1764390000000-accounts';

/** Every migration, in order. The same list runs on SQLite and PostgreSQL. */
export const MIGRATIONS = [Accounts1764390000000];
