import type { Strings } from './types';
import type { approvalsEn } from './approvals.en';

/** 待经理审批的事项（中文）。 */
export const approvalsZhCN: Strings<typeof approvalsEn> = {
  audit: {
    requested: '申请经理审批归还',
    approve: '批准申请',
    refuse: '驳回申请',
  },
  title: '待审批',
  home: {
    waitingComplaints: '当班经理层级待处理的投诉',
    allComplaints: '当班经理的投诉',
    calendar: '工作日设置',
  },
  pendingCount: '{{count}} 项待处理',
  views: {
    pending: '待处理',
    decided: '已处理',
  },
  kinds: {
    keptDeposit: '扣除押金',
    lostReceiptRefund: '无收据退押金',
    damagedReturn: '损坏或丢失归还',
    escalation: '升级投诉',
  },
  statuses: {
    pending: '待处理',
    approved: '已批准',
    refused: '已驳回',
  },
  emptyPending: '没有待经理处理的事项。',
  emptyDecided: '还没有已处理的事项。',
  requestedBy: '{{name}} 于 {{time}} 提交',
  decidedBy: '{{name}} 于 {{time}} {{status}}：{{reason}}',
  rentalLine: '收据 {{receiptNo}} · {{unitTag}} · {{visitor}}',
  keep: '押金 {{deposit}} 中扣除 {{kept}}',
  refundNoReceipt: '无收据退还押金 {{deposit}}',
  refundDamaged: '归还时{{condition}}：全额退还押金 {{deposit}}，不扣款',
  noReceiptLine: '无收据',
  complaintLine: '投诉 {{complaintNo}} · {{category}}',
  groupComplaint: '群体投诉',
  approve: '批准',
  refuse: '驳回',
  decideTitle: '{{decision}}：{{what}}',
  reason: '理由',
  reasonHint: '记入操作日志，并告知服务台。',
  yourPin: '您的 PIN 码',
  approved: '已批准。',
  refused: '已驳回。',
  askManager: '提交值班经理审批',
  askManagerHint: '经理不在服务台？归还申请将进入待审批列表，批准后退款单在此打印。',
  asked: '已提交值班经理审批。',
  waiting: '等待经理审批',
  errors: {
    notFound: '此申请已不存在。',
    decided: '此申请已处理（{{status}}）。',
    alreadyPending: '收据 {{receiptNo}} 已在等待经理审批。',
    nothingToApprove: '无需经理审批：未扣押金且收据在场。',
  },
};
