import { QueryRunner, TableColumnOptions } from 'typeorm';
import { binaryTypeFor, timestampTypeFor } from '../columns';

/** Column builders for migrations that must produce the same schema on SQLite and PostgreSQL. */
export function columnsFor(queryRunner: QueryRunner) {
  const timestamp = timestampTypeFor(queryRunner.connection.options.type);
  const binary = binaryTypeFor(queryRunner.connection.options.type);
  return {
    id: (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true }),
    ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
    text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
    varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    }),
    integer: (name: string, defaultValue?: number): TableColumnOptions => ({
      name,
      type: 'integer',
      isNullable: defaultValue === undefined,
      default: defaultValue,
    }),
    boolean: (name: string, defaultValue: boolean): TableColumnOptions => ({
      name,
      type: 'boolean',
      default: defaultValue,
    }),
    binary: (name: string, nullable = false): TableColumnOptions => ({ name, type: binary, isNullable: nullable }),
    serial: (name = 'id'): TableColumnOptions => ({ name, type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
    timestamp: (name: string, nullable = false): TableColumnOptions => ({ name, type: timestamp, isNullable: nullable }),
    createdAt: (): TableColumnOptions => ({ name: 'createdAt', type: timestamp, default: 'CURRENT_TIMESTAMP' }),
    updatedAt: (): TableColumnOptions => ({ name: 'updatedAt', type: timestamp, default: 'CURRENT_TIMESTAMP' }),
  };
}
