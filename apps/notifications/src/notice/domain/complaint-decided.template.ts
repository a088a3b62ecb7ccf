import type { Locale } from '@redress/contracts';
import { formatInstant } from './format-instant';

export interface AcceptanceFacts {
  reference: string;
  productName: string;
  decisionDueAt: Date;
  reason: string | null;
}

/** The complaint was accepted: the borrower learns it is being handled and by when they hear the decision. */
export function renderComplaintAccepted(facts: AcceptanceFacts, locale: Locale): { subject: string; body: string } {
  const due = formatInstant(facts.decisionDueAt, locale);
  switch (locale) {
    case 'zh-CN':
      return {
        subject: `您的投诉已受理（编号 ${facts.reference}）`,
        body: `您关于「${facts.productName}」的投诉（编号 ${facts.reference}）已正式受理，专人正在处理。我们将在${due}前告知处理结果。`,
      };
    case 'zh-TW':
      return {
        subject: `您的投訴已受理（編號 ${facts.reference}）`,
        body: `您關於「${facts.productName}」的投訴（編號 ${facts.reference}）已正式受理，專人正在處理。我們將在${due}前告知處理結果。`,
      };
    case 'en':
      return {
        subject: `Your complaint has been accepted (reference ${facts.reference})`,
        body: `Your complaint about "${facts.productName}" (reference ${facts.reference}) has been accepted and is being handled. We will tell you our decision by ${due}.`,
      };
  }
}

/**
 * The complaint was not accepted: the borrower is told why, and where else they can turn
 * (DOMAIN.md: the reason is told to the complainant; appeals and external routes follow in issue 8).
 */
export function renderComplaintNotAccepted(facts: AcceptanceFacts, locale: Locale): { subject: string; body: string } {
  const reason = facts.reason ?? '';
  switch (locale) {
    case 'zh-CN':
      return {
        subject: `您的投诉未予受理（编号 ${facts.reference}）`,
        body: `您关于「${facts.productName}」的投诉（编号 ${facts.reference}）未予受理，原因：${reason}。如有异议，您可在收到本通知之日起30日内申请核查，也可向金融监管部门（12378 热线）反映。`,
      };
    case 'zh-TW':
      return {
        subject: `您的投訴未予受理（編號 ${facts.reference}）`,
        body: `您關於「${facts.productName}」的投訴（編號 ${facts.reference}）未予受理，原因：${reason}。如有異議，您可在收到本通知之日起30日內申請核查，也可向金融監管部門（12378 熱線）反映。`,
      };
    case 'en':
      return {
        subject: `Your complaint was not accepted (reference ${facts.reference})`,
        body: `Your complaint about "${facts.productName}" (reference ${facts.reference}) was not accepted. The reason: ${reason}. If you disagree, you may ask for a review within 30 days of this notice, or contact the financial regulator (hotline 12378).`,
      };
  }
}
