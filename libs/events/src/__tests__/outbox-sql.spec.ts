import { outboxChannel, outboxInboxUpSql } from '../outbox/outbox.sql';

describe('outbox DDL', () => {
  it('notifies on the schema channel after insert', () => {
    const sql = outboxInboxUpSql('complaints').join('\n');
    expect(sql).toContain(`pg_notify('redress_outbox_complaints'`);
    expect(sql).toContain('FOR EACH STATEMENT');
    expect(outboxChannel('complaints')).toBe('redress_outbox_complaints');
  });

  it.each(['Complaints', 'complaints; DROP TABLE x', 'a-b', ''])('refuses the unsafe schema name %j', (name) => {
    expect(() => outboxInboxUpSql(name)).toThrow('Unsafe schema name');
  });
});
