import type { Locale } from '@redress/contracts';
import type { Complaint, ComplaintStep, Resolution } from './complaint';
import type { ComplaintStatus } from './complaint-lifecycle';
import { readClock } from './deadline-clock';
import { noteForComplainant } from './told-to-complainant';

/**
 * The borrower's own view of their case (DOMAIN.md: the complainant can see the status and
 * timeline at any time): plain words in their language, what happens next and by when, the
 * decision and how long they have to ask for a review — and nothing internal (no notes, no staff
 * names, no review deliberations).
 */
export interface BorrowerView {
  id: string;
  reference: string;
  status: ComplaintStatus;
  statusText: string;
  productName: string;
  receivedAt: Date;
  timeline: { at: Date; text: string; detail: string | null }[];
  nextStep: { text: string; dueAt: Date | null } | null;
  decision: (Pick<Resolution, 'outcome' | 'reasons' | 'remedies' | 'issuedAt'> & { reviewRequestBy: Date }) | null;
}

/** A review (核查) may be requested within 30 days of receiving the decision (DOMAIN.md, The regulatory clocks). */
export const REVIEW_REQUEST_DAYS = 30;

type Words = Record<Locale, string>;

const STATUS: Record<ComplaintStatus, Words> = {
  RECEIVED: { 'zh-CN': '已收到', 'zh-TW': '已收到', en: 'Received' },
  ACCEPTED: { 'zh-CN': '已受理', 'zh-TW': '已受理', en: 'Accepted' },
  NOT_ACCEPTED: { 'zh-CN': '不予受理', 'zh-TW': '不予受理', en: 'Not accepted' },
  ASSIGNED: { 'zh-CN': '已安排专人处理', 'zh-TW': '已安排專人處理', en: 'With a handler' },
  INVESTIGATING: { 'zh-CN': '调查核实中', 'zh-TW': '調查核實中', en: 'Being investigated' },
  UNDER_REVIEW: { 'zh-CN': '内部审查中', 'zh-TW': '內部審查中', en: 'Under internal review' },
  RESOLUTION_PROPOSED: { 'zh-CN': '已提出处理方案，待您确认', 'zh-TW': '已提出處理方案，待您確認', en: 'Resolution proposed — waiting for your answer' },
  RESOLUTION_ACCEPTED: { 'zh-CN': '您已接受处理方案', 'zh-TW': '您已接受處理方案', en: 'You accepted the resolution' },
  RESOLVED: { 'zh-CN': '处理方案已执行', 'zh-TW': '處理方案已執行', en: 'Resolution carried out' },
  FOLLOWED_UP: { 'zh-CN': '已回访', 'zh-TW': '已回訪', en: 'Followed up' },
  CLOSED: { 'zh-CN': '已办结', 'zh-TW': '已辦結', en: 'Closed' },
  WITHDRAWN: { 'zh-CN': '已撤回', 'zh-TW': '已撤回', en: 'Withdrawn' },
  MERGED: { 'zh-CN': '已并入同一事项的投诉', 'zh-TW': '已併入同一事項的投訴', en: 'Merged into your earlier complaint' },
  ARCHIVED: { 'zh-CN': '已归档', 'zh-TW': '已歸檔', en: 'Archived' },
};

const STEP: Partial<Record<ComplaintStep['action'], Words>> = {
  file: { 'zh-CN': '我们收到了您的投诉', 'zh-TW': '我們收到了您的投訴', en: 'We received your complaint' },
  accept: { 'zh-CN': '您的投诉已受理', 'zh-TW': '您的投訴已受理', en: 'Your complaint was accepted' },
  decline: { 'zh-CN': '您的投诉未予受理', 'zh-TW': '您的投訴未予受理', en: 'Your complaint was not accepted' },
  assign: { 'zh-CN': '已安排专人负责您的投诉', 'zh-TW': '已安排專人負責您的投訴', en: 'A handler was assigned to your complaint' },
  startInvestigation: { 'zh-CN': '开始调查核实', 'zh-TW': '開始調查核實', en: 'The investigation started' },
  requestReview: { 'zh-CN': '提交内部审查小组审查', 'zh-TW': '提交內部審查小組審查', en: 'Sent to the internal review group' },
  completeReview: { 'zh-CN': '内部审查完成', 'zh-TW': '內部審查完成', en: 'The internal review finished' },
  proposeResolution: { 'zh-CN': '我们作出了处理决定', 'zh-TW': '我們作出了處理決定', en: 'We decided on your complaint' },
  acceptResolution: { 'zh-CN': '您接受了处理方案', 'zh-TW': '您接受了處理方案', en: 'You accepted the resolution' },
  rejectResolution: { 'zh-CN': '您未接受处理方案，我们继续处理', 'zh-TW': '您未接受處理方案，我們繼續處理', en: 'You did not accept the resolution; we are looking again' },
  carryOut: { 'zh-CN': '处理方案已执行', 'zh-TW': '處理方案已執行', en: 'The resolution was carried out' },
  recordFollowUp: { 'zh-CN': '我们进行了回访', 'zh-TW': '我們進行了回訪', en: 'We followed up with you' },
  close: { 'zh-CN': '投诉已办结', 'zh-TW': '投訴已辦結', en: 'The complaint was closed' },
  withdraw: { 'zh-CN': '您撤回了投诉', 'zh-TW': '您撤回了投訴', en: 'You withdrew the complaint' },
  merge: { 'zh-CN': '并入同一事项的投诉', 'zh-TW': '併入同一事項的投訴', en: 'Merged into your complaint on the same matter' },
  mergeRepeat: { 'zh-CN': '您就同一事项再次投诉，已合并处理', 'zh-TW': '您就同一事項再次投訴，已合併處理', en: 'Your further complaint on this matter was added to this case' },
  extendDecision: { 'zh-CN': '处理期限延长', 'zh-TW': '處理期限延長', en: 'The time for a decision was extended' },
  pauseClock: { 'zh-CN': '处理时限暂停（外部鉴定期间不计入）', 'zh-TW': '處理時限暫停（外部鑑定期間不計入）', en: 'The decision clock is paused while an outside appraisal runs' },
  resumeClock: { 'zh-CN': '处理时限恢复计算', 'zh-TW': '處理時限恢復計算', en: 'The decision clock runs again' },
  restartClock: { 'zh-CN': '收到新情况，处理时限重新计算', 'zh-TW': '收到新情況，處理時限重新計算', en: 'New facts arrived; the decision time starts again' },
  reopen: { 'zh-CN': '您的申请复核成立，投诉重新处理', 'zh-TW': '您的申請複核成立，投訴重新處理', en: 'Your appeal was upheld; your complaint is being decided again' },
  archive: { 'zh-CN': '案件已归档', 'zh-TW': '案件已歸檔', en: 'The case was archived' },
};


const NEXT: Partial<Record<ComplaintStatus, Words>> = {
  RECEIVED: { 'zh-CN': '我们将在期限前告知您是否受理', 'zh-TW': '我們將在期限前告知您是否受理', en: 'We will tell you whether we accept your complaint by' },
  ACCEPTED: { 'zh-CN': '我们将在期限前作出处理决定并告知您', 'zh-TW': '我們將在期限前作出處理決定並告知您', en: 'We will decide and tell you by' },
  RESOLUTION_PROPOSED: {
    'zh-CN': '请告诉我们您是否接受处理方案；如不同意，可在期限前申请核查，也可申请调解、仲裁或起诉',
    'zh-TW': '請告訴我們您是否接受處理方案；如不同意，可在期限前申請核查，也可申請調解、仲裁或起訴',
    en: 'Please tell us whether you accept the resolution; if you disagree you may ask for a review by this date, or go to mediation, arbitration or court',
  },
  RESOLUTION_ACCEPTED: { 'zh-CN': '我们正在执行处理方案', 'zh-TW': '我們正在執行處理方案', en: 'We are carrying out the resolution' },
  RESOLVED: { 'zh-CN': '我们将回访了解您的满意度', 'zh-TW': '我們將回訪了解您的滿意度', en: 'We will contact you to ask how satisfied you are' },
};
const PAUSED: Words = { 'zh-CN': '处理时限暂停中：', 'zh-TW': '處理時限暫停中：', en: 'The decision clock is paused: ' };

export function borrowerView(complaint: Complaint, steps: ComplaintStep[], now: Date): BorrowerView {
  const locale = complaint.complainant.locale;
  const decision = complaint.resolution
    ? {
        outcome: complaint.resolution.outcome,
        reasons: complaint.resolution.reasons,
        remedies: complaint.resolution.remedies,
        issuedAt: complaint.resolution.issuedAt,
        reviewRequestBy: new Date(complaint.resolution.issuedAt.getTime() + REVIEW_REQUEST_DAYS * 24 * 60 * 60 * 1000),
      }
    : null;
  return {
    id: complaint.id,
    reference: complaint.reference,
    status: complaint.status,
    statusText: STATUS[complaint.status][locale],
    productName: complaint.productName,
    receivedAt: complaint.receivedAt,
    timeline: steps
      .filter((s) => STEP[s.action])
      .map((s) => ({ at: s.at, text: STEP[s.action]![locale], detail: noteForComplainant(s) })),
    nextStep: nextStep(complaint, decision?.reviewRequestBy ?? null, now, locale),
    decision,
  };
}

function nextStep(complaint: Complaint, reviewBy: Date | null, now: Date, locale: Locale): BorrowerView['nextStep'] {
  switch (complaint.status) {
    case 'RECEIVED':
      return { text: NEXT.RECEIVED![locale], dueAt: complaint.firstReplyDueAt };
    case 'ACCEPTED':
    case 'ASSIGNED':
    case 'INVESTIGATING':
    case 'UNDER_REVIEW': {
      const clock = readClock(complaint.decisionClock, complaint.clockPolicy, now);
      if (clock.state === 'PAUSED') return { text: `${PAUSED[locale]}${clock.pauseReason ?? ''}`, dueAt: null };
      return { text: NEXT.ACCEPTED![locale], dueAt: clock.dueAt };
    }
    case 'RESOLUTION_PROPOSED':
      return { text: NEXT.RESOLUTION_PROPOSED![locale], dueAt: reviewBy };
    case 'RESOLUTION_ACCEPTED':
    case 'RESOLVED':
      return { text: NEXT[complaint.status]![locale], dueAt: null };
    default:
      return null;
  }
}
