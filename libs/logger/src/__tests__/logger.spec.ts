import { Writable } from 'node:stream';
import { createLogger } from '../index';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it.each([
    ['a complainant object', { input: { complainant: { name: '王秀英', idNumber: '110101199003071234' } } }],
    ['contact fields', { input: { phone: '13812341234', email: 'wxy@example.cn', name: '王秀英' } }],
    ['credentials', { headers: { authorization: 'Bearer dev.secret-token' } }],
  ])('censors %s', (_case, payload) => {
    const { lines, stream } = capture();
    createLogger('test', 'info', stream).info(payload, 'filed');
    const output = lines.join('');
    expect(output).toContain('"msg":"filed"');
    expect(output).toContain('[redacted]');
    expect(output).not.toMatch(/王秀英|13812341234|wxy@example\.cn|110101199003071234|secret-token/);
  });
});
