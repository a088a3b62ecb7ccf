import type { Locale } from '@redress/contracts';
import { formatInstant } from './format-instant';

export interface ComplaintReceivedFacts {
  reference: string;
  productName: string;
  receivedAt: Date;
  firstReplyDueAt: Date;
  decisionDueAt: Date;
}

/**
 * The acknowledgement a borrower gets when a complaint is received: the reference, what happens
 * next and by when. It says "received", not "accepted": acceptance is a decision still to come.
 */
export function renderComplaintReceived(facts: ComplaintReceivedFacts, locale: Locale): { subject: string; body: string } {
  const at = (d: Date) => formatInstant(d, locale);
  switch (locale) {
    case 'zh-CN':
      return {
        subject: `我们已收到您的投诉（编号 ${facts.reference}）`,
        body:
          `您好！我们已于${at(facts.receivedAt)}收到您关于「${facts.productName}」的投诉，编号 ${facts.reference}。` +
          `专人将在${at(facts.firstReplyDueAt)}前与您联系，并在${at(facts.decisionDueAt)}前告知处理结果。` +
          `您可随时凭编号查询办理进度。`,
      };
    case 'zh-TW':
      return {
        subject: `我們已收到您的投訴（編號 ${facts.reference}）`,
        body:
          `您好！我們已於${at(facts.receivedAt)}收到您關於「${facts.productName}」的投訴，編號 ${facts.reference}。` +
          `專人將在${at(facts.firstReplyDueAt)}前與您聯繫，並在${at(facts.decisionDueAt)}前告知處理結果。` +
          `您可隨時憑編號查詢辦理進度。`,
      };
    case 'en':
      return {
        subject: `We have received your complaint (reference ${facts.reference})`,
        body:
          `We received your complaint about "${facts.productName}" on ${at(facts.receivedAt)}; its reference is ${facts.reference}. ` +
          `A member of our team will contact you by ${at(facts.firstReplyDueAt)}, and we will tell you our decision by ${at(facts.decisionDueAt)}. ` +
          `You can follow its progress at any time with this reference.`,
      };
  }
}
