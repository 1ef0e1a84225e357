import type { DeskPerson } from '../../db/repositories/desk-repository';

/** Messages between the desk and its people-index Worker (people-index-worker.ts). */
export type ToIndexWorker =
  | { readonly type: 'open'; readonly databaseName: string }
  | { readonly type: 'changed'; readonly ids: readonly string[] | null }
  | {
      readonly type: 'search';
      readonly seq: number;
      readonly typed: string;
      readonly limit: number;
      readonly exclude: readonly string[];
    };

export type FromIndexWorker =
  | { readonly type: 'updated'; readonly size: number }
  | { readonly type: 'results'; readonly seq: number; readonly people: DeskPerson[] }
  | { readonly type: 'failed'; readonly message: string };
