/**
 * The first two regulatory deadlines every complaint starts with (DOMAIN.md, The regulatory clocks):
 * an initial reply within 24 hours of receipt (seed 002) and a decision within 15 days
 * (《银行业保险业消费投诉处理管理办法》 2020). Extensions, pauses and tenant policies arrive with issue 3.
 */
export const FIRST_REPLY_HOURS = 24;
export const DECISION_DAYS = 15;

const HOUR_MS = 60 * 60 * 1000;

export function initialDeadlines(receivedAt: Date): { firstReplyDueAt: Date; decisionDueAt: Date } {
  return {
    firstReplyDueAt: new Date(receivedAt.getTime() + FIRST_REPLY_HOURS * HOUR_MS),
    decisionDueAt: new Date(receivedAt.getTime() + DECISION_DAYS * 24 * HOUR_MS),
  };
}
