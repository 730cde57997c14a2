import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DataSource, QueryFailedError, type QueryRunner } from 'typeorm';
import { createTestDatabase } from '../testing/test-database';
import { AppException } from './app-exception';
import { ProblemDetailsFilter, toProblem } from './problem-details.filter';

/**
 * The last line of defence: a statement PostgreSQL refuses because of what a
 * request carried is the caller's mistake (4xx), told without SQL, table or
 * constraint names. The errors come from real statements on a real server,
 * through TypeORM as the services run them.
 */
describe('problem details for database errors', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let runner: QueryRunner;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    runner = dataSource.createQueryRunner();
    await runner.query(`
      create table secret_parent (id int primary key);
      create table secret_child (parent int constraint secret_fk references secret_parent (id));
      create table secret_checked (n int constraint secret_positive check (n > 0),
                                   code varchar(3), at timestamptz, id uuid);
      insert into secret_parent values (1);
    `);
  });

  afterAll(async () => {
    await runner?.release();
    await dataSource?.destroy();
    await database?.drop();
  });

  /** The error a statement fails with, as TypeORM throws it. */
  const failure = async (text: string, parameters: unknown[] = []): Promise<unknown> => {
    try {
      await runner.query(text, parameters);
    } catch (error) {
      return error;
    }
    throw new Error(`expected ${text} to fail`);
  };

  const cases: [string, string, unknown[], string, number, string][] = [
    ['foreign key', 'insert into secret_child values (42)', [], '23503', 409, 'conflict'],
    ['unique', 'insert into secret_parent values (1)', [], '23505', 409, 'conflict'],
    ['check', 'insert into secret_checked (n) values (-1)', [], '23514', 422, 'unprocessable'],
    ['not a number', 'select $1::int', ['abc'], '22P02', 400, 'bad-request'],
    [
      'not a uuid',
      'insert into secret_checked (id) values ($1)',
      ['x'],
      '22P02',
      400,
      'bad-request',
    ],
    ['not a date', 'select $1::timestamptz', ['soon'], '22007', 400, 'bad-request'],
    ['year 0000', 'select $1::timestamptz', ['0000-01-01T00:00:00Z'], '22008', 400, 'bad-request'],
    ['30 February', 'select $1::date', ['2026-02-30'], '22008', 400, 'bad-request'],
    ['NUL in text', 'select $1::text', ['a\u0000b'], '22021', 400, 'bad-request'],
    [
      'too long',
      'insert into secret_checked (code) values ($1)',
      ['ABCD'],
      '22001',
      400,
      'bad-request',
    ],
    ['out of range', 'select $1::int', ['99999999999'], '22003', 400, 'bad-request'],
    [
      'too big',
      `select string_agg(g::text, ' ')::tsvector from generate_series(1, 300000) g`,
      [],
      '54000',
      400,
      'bad-request',
    ],
  ];

  it.each(cases)(
    'answers a %s violation as a 4xx problem, with nothing of the SQL',
    async (_, text, parameters, code, status, type) => {
      const error = await failure(text, parameters);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect((error as QueryFailedError<Error & { code: string }>).driverError.code).toBe(code);

      const problem = toProblem(error, '/api/t/acme/events');
      expect(problem).toEqual({
        type: `/problems/${type}`,
        title: expect.any(String),
        status,
        instance: '/api/t/acme/events',
      });
      expect(JSON.stringify(problem)).not.toMatch(/secret|select|insert|constraint|\$1|key \(/i);
      // pg's own error, unwrapped, reads the same.
      expect(toProblem((error as QueryFailedError).driverError).status).toBe(status);
    },
  );

  it('keeps a 500 for what no input explains, such as a division by zero', async () => {
    expect(toProblem(await failure('select 1 / 0')).status).toBe(500);
    // A Node system error is no database answer, whatever its code looks like.
    expect(toProblem(Object.assign(new Error('pipe'), { code: 'EPIPE' })).status).toBe(500);
  });

  it('logs a database refusal at warn, with its code, and answers problem+json', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = {
      headers: {},
    };
    const reply = {
      status(code: number) {
        sent.status = code;
        return reply;
      },
      header(name: string, value: string) {
        sent.headers[name] = value;
        return reply;
      },
      send(body: unknown) {
        sent.body = body;
        return reply;
      },
    };
    const host = {
      switchToHttp: () => ({
        getRequest: () => ({ method: 'POST', url: '/api/t/acme/events' }),
        getResponse: () => reply,
      }),
    } as unknown as ArgumentsHost;

    new ProblemDetailsFilter().catch(await failure('insert into secret_child values (42)'), host);
    expect(sent.status).toBe(409);
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('23503'));
    expect(error).not.toHaveBeenCalled();

    new ProblemDetailsFilter().catch(new AppException(404, 'not-found', 'Event not found'), host);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    error.mockRestore();
  });
});
