import type { Locale } from '@redress/contracts';
import type { NoticeChannel, NoticeKind } from '../../notice/domain/notice';
import type { TemplateText } from './template';

type Texts = Record<Locale, TemplateText>;

/**
 * The platform's default wording: what happened, the reference, what happens next and by when.
 * A tenant gets copies of these in its locales when it is onboarded and may edit them; until then
 * (or for a locale it has not provisioned) these are used as they are.
 */
export const DEFAULT_TEMPLATES: Record<NoticeKind, Texts> = {
  COMPLAINT_RECEIVED: {
    'zh-CN': {
      subject: '我们已收到您的投诉（编号 {{reference}}）',
      body: '您好！我们已于{{receivedAt}}收到您关于「{{productName}}」的投诉，编号 {{reference}}。专人将在{{firstReplyDueAt}}前与您联系，并在{{decisionDueAt}}前告知处理结果。您可随时凭编号查询办理进度。',
    },
    'zh-TW': {
      subject: '我們已收到您的投訴（編號 {{reference}}）',
      body: '您好！我們已於{{receivedAt}}收到您關於「{{productName}}」的投訴，編號 {{reference}}。專人將在{{firstReplyDueAt}}前與您聯繫，並在{{decisionDueAt}}前告知處理結果。您可隨時憑編號查詢辦理進度。',
    },
    en: {
      subject: 'We have received your complaint (reference {{reference}})',
      body: 'We received your complaint about "{{productName}}" on {{receivedAt}}; its reference is {{reference}}. A member of our team will contact you by {{firstReplyDueAt}}, and we will tell you our decision by {{decisionDueAt}}. You can follow its progress at any time with this reference.',
    },
  },
  COMPLAINT_ACCEPTED: {
    'zh-CN': {
      subject: '您的投诉已受理（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）已正式受理，专人正在处理。我们将在{{decisionDueAt}}前告知处理结果。',
    },
    'zh-TW': {
      subject: '您的投訴已受理（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）已正式受理，專人正在處理。我們將在{{decisionDueAt}}前告知處理結果。',
    },
    en: {
      subject: 'Your complaint has been accepted (reference {{reference}})',
      body: 'Your complaint about "{{productName}}" (reference {{reference}}) has been accepted and is being handled. We will tell you our decision by {{decisionDueAt}}.',
    },
  },
  COMPLAINT_NOT_ACCEPTED: {
    'zh-CN': {
      subject: '您的投诉未予受理（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）未予受理，原因：{{reason}}。如有异议，您可在{{appealDeadline}}前（收到本通知之日起30日内）申请核查，也可向金融监管部门（12378 热线）反映。',
    },
    'zh-TW': {
      subject: '您的投訴未予受理（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）未予受理，原因：{{reason}}。如有異議，您可在{{appealDeadline}}前（收到本通知之日起30日內）申請核查，也可向金融監管部門（12378 熱線）反映。',
    },
    en: {
      subject: 'Your complaint was not accepted (reference {{reference}})',
      body: 'Your complaint about "{{productName}}" (reference {{reference}}) was not accepted. The reason: {{reason}}. If you disagree, you may ask for a review by {{appealDeadline}} (within 30 days of this notice), or contact the financial regulator (hotline 12378).',
    },
  },
  DECISION_EXTENDED: {
    'zh-CN': {
      subject: '投诉处理期限延长通知（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）情况较为复杂，处理期限依规延长，原因：{{reason}}。我们将在{{decisionDueAt}}前告知处理结果，期间如有进展会及时与您联系。',
    },
    'zh-TW': {
      subject: '投訴處理期限延長通知（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）情況較為複雜，處理期限依規延長，原因：{{reason}}。我們將在{{decisionDueAt}}前告知處理結果，期間如有進展會及時與您聯繫。',
    },
    en: {
      subject: 'We need more time for your complaint (reference {{reference}})',
      body: 'Your complaint about "{{productName}}" (reference {{reference}}) needs more time, as the rules allow for complex cases. The reason: {{reason}}. We will tell you our decision by {{decisionDueAt}}, and contact you sooner if there is news.',
    },
  },
  CLOCK_PAUSED: {
    'zh-CN': {
      subject: '投诉处理计时暂停通知（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）需要{{reason}}，这段时间依规不计入处理期限。完成后我们会告知新的答复期限。',
    },
    'zh-TW': {
      subject: '投訴處理計時暫停通知（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）需要{{reason}}，這段時間依規不計入處理期限。完成後我們會告知新的答覆期限。',
    },
    en: {
      subject: 'The clock on your complaint is paused (reference {{reference}})',
      body: 'Your complaint about "{{productName}}" (reference {{reference}}) needs the following: {{reason}}. Under the rules this time does not count towards our deadline. We will tell you the new deadline once it is done.',
    },
  },
  CLOCK_RESUMED: {
    'zh-CN': {
      subject: '投诉处理已恢复计时（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）已恢复处理，我们将在{{decisionDueAt}}前告知处理结果。',
    },
    'zh-TW': {
      subject: '投訴處理已恢復計時（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）已恢復處理，我們將在{{decisionDueAt}}前告知處理結果。',
    },
    en: {
      subject: 'Work on your complaint has resumed (reference {{reference}})',
      body: 'Work on your complaint about "{{productName}}" (reference {{reference}}) has resumed. We will tell you our decision by {{decisionDueAt}}.',
    },
  },
  CLOCK_RESTARTED: {
    'zh-CN': {
      subject: '投诉处理期限重新计算（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）出现了新的情况：{{reason}}。处理期限依规重新计算，我们将在{{decisionDueAt}}前告知处理结果。',
    },
    'zh-TW': {
      subject: '投訴處理期限重新計算（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）出現了新的情況：{{reason}}。處理期限依規重新計算，我們將在{{decisionDueAt}}前告知處理結果。',
    },
    en: {
      subject: 'New facts in your complaint (reference {{reference}})',
      body: 'There are new facts in your complaint about "{{productName}}" (reference {{reference}}): {{reason}}. Under the rules our deadline starts again; we will tell you our decision by {{decisionDueAt}}.',
    },
  },
  INVESTIGATION_CONTINUES: {
    'zh-CN': {
      subject: '我们将继续处理您的投诉（编号 {{reference}}）',
      body: '我们已收到您对处理方案的意见（编号 {{reference}}），将继续调查您关于「{{productName}}」的投诉，并在{{decisionDueAt}}前给出新的处理意见。',
    },
    'zh-TW': {
      subject: '我們將繼續處理您的投訴（編號 {{reference}}）',
      body: '我們已收到您對處理方案的意見（編號 {{reference}}），將繼續調查您關於「{{productName}}」的投訴，並在{{decisionDueAt}}前給出新的處理意見。',
    },
    en: {
      subject: 'We are looking at your complaint again (reference {{reference}})',
      body: 'We have your answer to our proposed resolution (reference {{reference}}). We will keep investigating your complaint about "{{productName}}" and give you a new answer by {{decisionDueAt}}.',
    },
  },
  COMPLAINT_DECISION: {
    'zh-CN': {
      subject: '投诉处理决定（编号 {{reference}}）',
      body: '关于您对「{{productName}}」的投诉（编号 {{reference}}），处理结论：{{outcome}}。理由：{{reasons}}。处理措施：{{remedies}}。如您不同意，可在{{appealDeadline}}前（收到本决定之日起30日内）申请核查，也可申请调解、仲裁或向人民法院起诉。',
    },
    'zh-TW': {
      subject: '投訴處理決定（編號 {{reference}}）',
      body: '關於您對「{{productName}}」的投訴（編號 {{reference}}），處理結論：{{outcome}}。理由：{{reasons}}。處理措施：{{remedies}}。如您不同意，可在{{appealDeadline}}前（收到本決定之日起30日內）申請核查，也可申請調解、仲裁或向人民法院起訴。',
    },
    en: {
      subject: 'Our decision on your complaint (reference {{reference}})',
      body: 'Our decision on your complaint about "{{productName}}" (reference {{reference}}): {{outcome}}. Why: {{reasons}}. What we will do: {{remedies}}. If you disagree, you may ask for a review by {{appealDeadline}} (within 30 days of receiving this decision), and you may also go to mediation, arbitration or court.',
    },
  },
  COMPLAINT_RESOLVED: {
    'zh-CN': {
      subject: '处理方案已落实（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）的处理方案已落实。近期我们会回访，了解您对处理结果是否满意。',
    },
    'zh-TW': {
      subject: '處理方案已落實（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）的處理方案已落實。近期我們會回訪，了解您對處理結果是否滿意。',
    },
    en: {
      subject: 'What we agreed has been done (reference {{reference}})',
      body: 'What we agreed on your complaint about "{{productName}}" (reference {{reference}}) has been carried out. We will contact you shortly to ask whether you are satisfied.',
    },
  },
  COMPLAINT_CLOSED: {
    'zh-CN': {
      subject: '您的投诉已办结（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）已办结。感谢您的反馈，如有新的问题，欢迎随时联系我们。',
    },
    'zh-TW': {
      subject: '您的投訴已辦結（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）已辦結。感謝您的回饋，如有新的問題，歡迎隨時聯繫我們。',
    },
    en: {
      subject: 'Your complaint is closed (reference {{reference}})',
      body: 'Your complaint about "{{productName}}" (reference {{reference}}) is now closed. Thank you for telling us; if anything new comes up, please contact us at any time.',
    },
  },
  COMPLAINT_WITHDRAWN: {
    'zh-CN': {
      subject: '您的投诉已撤回（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）已按您的要求撤回，当日办结。如需再次反映，可随时重新提交。',
    },
    'zh-TW': {
      subject: '您的投訴已撤回（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）已按您的要求撤回，當日辦結。如需再次反映，可隨時重新提交。',
    },
    en: {
      subject: 'Your complaint has been withdrawn (reference {{reference}})',
      body: 'Your complaint about "{{productName}}" (reference {{reference}}) has been withdrawn as you asked, and is closed today. You can raise it again at any time.',
    },
  },
  COMPLAINT_MERGED: {
    'zh-CN': {
      subject: '您的投诉已合并处理（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）与您此前就同一事项提出的投诉合并处理：{{reason}}。后续进展将在原投诉中告知您。',
    },
    'zh-TW': {
      subject: '您的投訴已合併處理（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）與您此前就同一事項提出的投訴合併處理：{{reason}}。後續進展將在原投訴中告知您。',
    },
    en: {
      subject: 'Your complaint has been combined with an earlier one (reference {{reference}})',
      body: 'Your complaint about "{{productName}}" (reference {{reference}}) is about the same matter as an earlier one and will be handled with it: {{reason}}. We will keep you informed through the earlier complaint.',
    },
  },
  COMPLAINT_REOPENED: {
    'zh-CN': {
      subject: '您的投诉已重新处理（编号 {{reference}}）',
      body: '您关于「{{productName}}」的投诉（编号 {{reference}}）已重新开启处理，原因：{{reason}}。我们将在{{decisionDueAt}}前告知新的处理结果。',
    },
    'zh-TW': {
      subject: '您的投訴已重新處理（編號 {{reference}}）',
      body: '您關於「{{productName}}」的投訴（編號 {{reference}}）已重新開啟處理，原因：{{reason}}。我們將在{{decisionDueAt}}前告知新的處理結果。',
    },
    en: {
      subject: 'Your complaint has been reopened (reference {{reference}})',
      body: 'Your complaint about "{{productName}}" (reference {{reference}}) has been reopened. The reason: {{reason}}. We will tell you our new decision by {{decisionDueAt}}.',
    },
  },
  REFUND_REJECTED: {
    'zh-CN': {
      subject: '退费申请审核结果（编号 {{reference}}）',
      body: '您申请退还的 {{amount}}（编号 {{reference}}）经审核未获批准，理由：{{reasons}}。如有异议，您可在{{appealDeadline}}前（收到本通知之日起30日内）申请核查。',
    },
    'zh-TW': {
      subject: '退費申請審核結果（編號 {{reference}}）',
      body: '您申請退還的 {{amount}}（編號 {{reference}}）經審核未獲批准，理由：{{reasons}}。如有異議，您可在{{appealDeadline}}前（收到本通知之日起30日內）申請核查。',
    },
    en: {
      subject: 'Your refund request was not approved (reference {{reference}})',
      body: 'Your request for a refund of {{amount}} (reference {{reference}}) was not approved. Why: {{reasons}}. If you disagree, you may ask for a review by {{appealDeadline}} (within 30 days of this notice).',
    },
  },
  MEDIATION_AGREED: {
    'zh-CN': {
      subject: '调解已达成协议（编号 {{reference}}）',
      body: '您的调解案件（编号 {{reference}}）已达成协议：{{summary}}。我们将按协议落实，并告知您每一步进展。',
    },
    'zh-TW': {
      subject: '調解已達成協議（編號 {{reference}}）',
      body: '您的調解案件（編號 {{reference}}）已達成協議：{{summary}}。我們將按協議落實，並告知您每一步進展。',
    },
    en: {
      subject: 'Your mediation reached an agreement (reference {{reference}})',
      body: 'Your mediation (reference {{reference}}) reached an agreement: {{summary}}. We will carry it out and tell you of each step.',
    },
  },
  MEDIATION_FAILED: {
    'zh-CN': {
      subject: '调解未能达成协议（编号 {{reference}}）',
      body: '很遗憾，您的调解案件（编号 {{reference}}）未能达成协议：{{summary}}。您仍可以：{{externalRoutes}}。',
    },
    'zh-TW': {
      subject: '調解未能達成協議（編號 {{reference}}）',
      body: '很遺憾，您的調解案件（編號 {{reference}}）未能達成協議：{{summary}}。您仍可以：{{externalRoutes}}。',
    },
    en: {
      subject: 'Your mediation did not reach an agreement (reference {{reference}})',
      body: 'We are sorry: your mediation (reference {{reference}}) did not reach an agreement. {{summary}}. You can still {{externalRoutes}}.',
    },
  },
  MEDIATION_WITHDRAWN: {
    'zh-CN': {
      subject: '调解已撤回（编号 {{reference}}）',
      body: '您的调解案件（编号 {{reference}}）已撤回：{{summary}}。如需再次申请调解，可随时联系我们。',
    },
    'zh-TW': {
      subject: '調解已撤回（編號 {{reference}}）',
      body: '您的調解案件（編號 {{reference}}）已撤回：{{summary}}。如需再次申請調解，可隨時聯繫我們。',
    },
    en: {
      subject: 'Your mediation has been withdrawn (reference {{reference}})',
      body: 'Your mediation (reference {{reference}}) has been withdrawn: {{summary}}. You can ask for mediation again at any time.',
    },
  },
  APPEAL_UPHELD: {
    'zh-CN': {
      subject: '您的核查申请成立（编号 {{reference}}）',
      body: '经复核，您的核查申请（编号 {{reference}}）成立：{{reasons}}。原决定将予以纠正，我们会告知您后续处理进展。',
    },
    'zh-TW': {
      subject: '您的核查申請成立（編號 {{reference}}）',
      body: '經複核，您的核查申請（編號 {{reference}}）成立：{{reasons}}。原決定將予以糾正，我們會告知您後續處理進展。',
    },
    en: {
      subject: 'Your appeal has been upheld (reference {{reference}})',
      body: 'We reviewed your appeal (reference {{reference}}) and agree with you: {{reasons}}. The original decision will be corrected, and we will tell you of each step.',
    },
  },
  APPEAL_DISMISSED: {
    'zh-CN': {
      subject: '核查结果通知（编号 {{reference}}）',
      body: '经复核，您的核查申请（编号 {{reference}}）未获支持，理由：{{reasons}}。如您仍不同意，可以：{{externalRoutes}}。',
    },
    'zh-TW': {
      subject: '核查結果通知（編號 {{reference}}）',
      body: '經複核，您的核查申請（編號 {{reference}}）未獲支持，理由：{{reasons}}。如您仍不同意，可以：{{externalRoutes}}。',
    },
    en: {
      subject: 'The outcome of your appeal (reference {{reference}})',
      body: 'We reviewed your appeal (reference {{reference}}) and have not changed the decision. Why: {{reasons}}. If you still disagree, you can {{externalRoutes}}.',
    },
  },
};

/** The default text of one template. SMS uses the same words; its subject is not sent. */
export function defaultTemplate(kind: NoticeKind, _channel: NoticeChannel, locale: Locale): TemplateText {
  return DEFAULT_TEMPLATES[kind][locale];
}
