import { validateInstitution, validateMediator, type Institution } from '../registry';

const firm: Institution = {
  id: 'eeeeeeee-0000-4000-8000-000000000001',
  tenantId: '11111111-2222-4333-8444-555555555555',
  name: '桔多多金融纠纷调解中心（某律师事务所）',
  kind: 'THIRD_PARTY',
  registrationNumber: '31110000MD0123456X',
  active: true,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

describe('the mediator registry', () => {
  it.each([
    ['a third-party institution without a registration number', () => validateInstitution({ name: '某调解中心', kind: 'THIRD_PARTY' }), 'input.registrationNumber'],
    ['an unknown institution kind', () => validateInstitution({ name: '某调解中心', kind: 'COURT' }), 'input.kind'],
    ['a third-party mediator without qualifications', () => validateMediator({ institutionId: firm.id, actorId: 'lawyer:li', name: '李律师' }, firm), 'input.qualifications'],
    [
      'a qualification with an impossible expiry',
      () => validateMediator({ institutionId: firm.id, actorId: 'lawyer:li', name: '李律师', qualifications: [{ kind: 'PRACTISING_LAWYER', number: '13101201510123456', issuer: '上海市司法局', validUntil: '2027-13-01' }] }, firm),
      'input.qualifications[0].validUntil',
    ],
    ['a mediator of an inactive institution', () => validateMediator({ institutionId: firm.id, actorId: 'x', name: 'y' }, { ...firm, active: false }), 'input.institutionId'],
  ])('refuses %s', (_name, run, field) => {
    expect(run).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });

  it('accepts an in-house specialist without a licence and a lawyer with one', () => {
    expect(validateInstitution({ name: '桔多多调解专员组', kind: 'IN_HOUSE' })).toMatchObject({ kind: 'IN_HOUSE', registrationNumber: null });
    const lawyer = validateMediator(
      { institutionId: firm.id, actorId: 'lawyer:li', name: '李敏', qualifications: [{ kind: 'PRACTISING_LAWYER', number: '13101201510123456', issuer: '上海市司法局', validUntil: '2027-05-31' }] },
      firm,
    );
    expect(lawyer.qualifications[0]).toMatchObject({ kind: 'PRACTISING_LAWYER', validUntil: '2027-05-31' });
  });
});
