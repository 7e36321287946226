/**
 * SQL that makes the database itself refuse new rows of a table (a trigger raising an error), and
 * the SQL that lifts it: a real fault of the real database for tests, no mock of the application.
 */
export function refusedInserts(dialect: 'sqlite' | 'postgres', table: string): { refuse: string[]; accept: string[] } {
  const name = `refuse_${table}`;
  if (dialect === 'postgres') {
    return {
      refuse: [
        `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '${table} refused'; END $$ LANGUAGE plpgsql`,
        `CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
      ],
      accept: [`DROP TRIGGER ${name} ON "${table}"`, `DROP FUNCTION ${name}()`],
    };
  }
  return {
    refuse: [`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" BEGIN SELECT RAISE(ABORT, '${table} refused'); END`],
    accept: [`DROP TRIGGER ${name}`],
  };
}
