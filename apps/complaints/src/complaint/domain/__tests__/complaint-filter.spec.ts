import { validateFilter } from '../complaint-filter';

describe('validateFilter', () => {
  it('treats missing and empty criteria as no criteria', () => {
    expect(validateFilter({ statuses: [], channels: null, topics: [], handlerId: '  ' })).toEqual({
      statuses: null,
      channels: null,
      categories: null,
      topics: null,
      severities: null,
      clockStates: null,
      handlerId: null,
      productName: null,
      borrowerId: null,
      receivedFrom: null,
      receivedTo: null,
    });
    expect(validateFilter(undefined).statuses).toBeNull();
  });

  it('keeps the criteria given', () => {
    const filter = validateFilter({ statuses: ['RECEIVED', 'ACCEPTED'], productName: ' 桔多多·信用借 ', receivedFrom: new Date('2026-11-01T00:00:00Z') });
    expect(filter).toMatchObject({ statuses: ['RECEIVED', 'ACCEPTED'], productName: '桔多多·信用借' });
    expect(validateFilter({ topics: ['COLLECTION_CONDUCT'], clockStates: ['BREACHED', 'WARNING'] })).toMatchObject({
      topics: ['COLLECTION_CONDUCT'],
      clockStates: ['BREACHED', 'WARNING'],
    });
  });

  it('refuses a received range that ends before it starts', () => {
    expect(() => validateFilter({ receivedFrom: new Date('2026-11-25T00:00:00Z'), receivedTo: new Date('2026-11-24T00:00:00Z') })).toThrow(
      'filter.receivedTo: is before filter.receivedFrom',
    );
  });
});
