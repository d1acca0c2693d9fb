/**
 * WeChat Pay (微信支付) bills: the CSV export (UTF-8, a `微信支付账单明细` preamble, amounts like ¥28.16)
 * and the XLSX export (same columns, plain numbers, header row at a varying position). Both are
 * found by column names: 交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注.
 * 收/支 `/` marks neutral rows (top-ups, withdrawals, 零钱通, card repayments: unsigned, the user
 * decides); `…-退款` types and refunded income are refunds, paired with the payment that shares
 * their 商户单号; a 零钱提现 fee in 备注 (`服务费¥0.10`) becomes the row's fee. WeChat writes `/` for
 * an empty cell.
 */
import type { StatementRow } from '../statement';
import { billAmount, billStatementRow, directionKind, readBill, type BillColumnSpec } from './bill';
import type { ParserContext, StatementBody } from './body';
import { readTable, type TableRow } from './table';

const COLUMNS: Record<string, BillColumnSpec> = {
  time: { names: ['交易时间'], required: true },
  type: { names: ['交易类型'] },
  payee: { names: ['交易对方'] },
  item: { names: ['商品'] },
  direction: { names: ['收/支'], required: true },
  amount: { names: ['金额(元)', '金额'], required: true },
  method: { names: ['支付方式'] },
  status: { names: ['当前状态'] },
  orderId: { names: ['交易单号'], required: true },
  merchantOrderId: { names: ['商户单号'] },
  remark: { names: ['备注'] },
};

const FEE_IN_REMARK = /服务费\s*[¥￥]?\s*([0-9][0-9.,]{0,20})/;

function present(cell: string): string {
  return cell === '/' ? '' : cell;
}

export function parseWechatRows(table: readonly TableRow[], context: ParserContext, delimiter?: string): StatementBody {
  const bill = readBill(table, COLUMNS, 'time', 'errors.import.wechat_header_missing');
  const errors = [...bill.errors];
  const rows: StatementRow[] = [];
  const merchantIds: string[] = [];
  const amountColumn = bill.header.find((name) => name.startsWith('金额')) ?? '金额(元)';
  for (const row of bill.rows) {
    const amount = billAmount(row.line, row.get('amount'), amountColumn, errors);
    if (amount === null) continue;
    const direction = row.get('direction');
    const status = row.get('status');
    const refund = row.get('type').endsWith('-退款') || (direction === '收入' && (status.startsWith('已退款') || status.startsWith('已全额退款')));
    const kind: StatementRow['kind'] = refund ? 'refund' : directionKind(direction);
    let fee: string | undefined;
    const feeText = FEE_IN_REMARK.exec(row.get('remark'))?.[1];
    if (feeText !== undefined) {
      const parsedFee = billAmount(row.line, feeText, '备注', errors);
      if (parsedFee === null) continue;
      fee = parsedFee === '0' ? undefined : parsedFee;
    }
    rows.push(
      billStatementRow(row, amount, kind, {
        payee: present(row.get('payee')),
        // 交易类型 is WeChat's category (商户消费, 微信红包, 转账 …); a `<merchant>-退款` type is a refund.
        category: row.get('type').endsWith('-退款') ? '退款' : present(row.get('type')),
        noteParts: [present(row.get('item')), present(row.get('remark'))],
        externalId: present(row.get('orderId')),
        fee,
        paymentMethod: present(row.get('method')),
      }),
    );
    merchantIds.push(present(row.get('merchantOrderId')));
  }
  pairRefunds(rows, merchantIds);
  return {
    accounts: [{ type: 'cash', currency: 'CNY', rows }],
    skipped: bill.skipped,
    errors,
    detected: { delimiter, headerLine: bill.headerLine, header: bill.header, dateFormat: bill.dateFormat, variant: delimiter ? 'csv' : 'xlsx' },
  };
}

/** A refund names the payment it returns through the 商户单号 both rows carry. */
function pairRefunds(rows: StatementRow[], merchantIds: readonly string[]): void {
  const payments = new Map<string, string>();
  rows.forEach((row, index) => {
    const merchantId = merchantIds[index];
    if (row.kind === 'expense' && merchantId && row.externalId && !payments.has(merchantId)) payments.set(merchantId, row.externalId);
  });
  rows.forEach((row, index) => {
    const original = row.kind === 'refund' && merchantIds[index] ? payments.get(merchantIds[index]) : undefined;
    if (original) row.refundOf = original;
  });
}

export function parseWechatCsv(text: string, context: ParserContext): StatementBody {
  const table = readTable(text, { delimiter: ',', maxRows: context.maxRows });
  const body = parseWechatRows(table.rows, context, ',');
  return { ...body, errors: [...table.errors, ...body.errors] };
}
