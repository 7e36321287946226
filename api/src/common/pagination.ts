import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { AppErrors } from './errors';

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `XConnection { nodes, pageInfo, totalCount }` for a node type. */
export function Connection<T>(nodeType: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(name)
  class ConnectionType implements Page<T> {
    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType;
}

/** Cursors are opaque to clients: base64url of a JSON tuple of sort keys. */
export function encodeCursor(keys: unknown[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(keys) && keys.length === length) return keys;
  } catch {
    // fall through to the error below
  }
  throw AppErrors.badInput('after', 'is not a valid cursor');
}

export const pageSizeSchema = z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100');
