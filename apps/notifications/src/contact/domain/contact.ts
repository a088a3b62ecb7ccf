/** Where a complainant's contact is sealed at rest here: bound to this service, tenant and complaint. */
export function storedContactContext(tenantId: string, complaintId: string): string {
  return `notifications:${tenantId}:complainant_contacts.contact:${complaintId}`;
}
