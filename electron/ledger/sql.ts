/** A statement cache over one better-sqlite3 connection: each SQL text is prepared once. */
import type Database from 'better-sqlite3';

type Param = string | number | bigint | null | Buffer;

export class Sql {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  run(sql: string, ...params: Param[]): Database.RunResult {
    return this.prepare(sql).run(...params);
  }

  get<T>(sql: string, ...params: Param[]): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: Param[]): T[] {
    return this.prepare(sql).all(...params) as T[];
  }
}
