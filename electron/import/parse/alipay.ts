/**
 * Alipay (支付宝) bill CSV, GBK. Two generations are read, both by column names:
 * - the app export: 交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,
 * - the older web export: 交易号,商家订单号,交易创建时间,付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,成功退款（元）,备注,资金状态,
 * 收/支 支出 → expense (negative), 收入 → income, 不计收支 / 其他 / empty → neutral (unsigned: the bill
 * does not say which way). 交易关闭 rows never moved money and are skipped. A refund (交易状态
 * 退款成功, order number `原订单号_…`) is kind 'refund' with refundOf = the original order number.
 */
import type { StatementRow } from '../statement';
import { billAmount, billStatementRow, directionKind, readBill, type BillColumnSpec } from './bill';
import type { ParserContext, StatementBody } from './body';
import { readTable } from './table';

const COLUMNS: Record<string, BillColumnSpec> = {
  time: { names: ['交易时间', '交易创建时间'], required: true },
  paidAt: { names: ['付款时间'] },
  category: { names: ['交易分类'] },
  type: { names: ['类型'] },
  payee: { names: ['交易对方'] },
  payeeAccount: { names: ['对方账号'] },
  item: { names: ['商品说明', '商品名称'] },
  direction: { names: ['收/支'], required: true },
  amount: { names: ['金额', '金额(元)'], required: true },
  method: { names: ['收/付款方式'] },
  status: { names: ['交易状态'], required: true },
  orderId: { names: ['交易订单号', '交易号'], required: true },
  merchantOrderId: { names: ['商家订单号'] },
  fee: { names: ['服务费(元)'] },
  refunded: { names: ['成功退款(元)'] },
  remark: { names: ['备注'] },
  fundStatus: { names: ['资金状态'] },
};

const CLOSED_STATUSES = new Set(['交易关闭']);
const REFUND_STATUSES = new Set(['退款成功']);

export function parseAlipay(text: string, context: ParserContext): StatementBody {
  const table = readTable(text, { delimiter: ',', maxRows: context.maxRows });
  const bill = readBill(table.rows, COLUMNS, 'time', 'errors.import.alipay_header_missing');
  const errors = [...table.errors, ...bill.errors];
  const skipped = [...bill.skipped];
  const rows: StatementRow[] = [];
  const amountColumn = bill.header.find((name) => name.startsWith('金额')) ?? '金额';
  for (const row of bill.rows) {
    const status = row.get('status');
    if (CLOSED_STATUSES.has(status)) {
      skipped.push({ line: row.line, reason: 'import.format.skip.closed' });
      continue;
    }
    const amount = billAmount(row.line, row.get('amount'), amountColumn, errors);
    if (amount === null) continue;
    const orderId = row.get('orderId');
    const refund = REFUND_STATUSES.has(status);
    const kind: StatementRow['kind'] = refund ? 'refund' : directionKind(row.get('direction'));
    let fee: string | undefined;
    if (row.get('fee') !== '') {
      const parsedFee = billAmount(row.line, row.get('fee'), '服务费（元）', errors);
      if (parsedFee === null) continue;
      fee = parsedFee === '0' ? undefined : parsedFee;
    }
    const separator = orderId.indexOf('_');
    rows.push(
      billStatementRow(row, amount, kind, {
        payee: row.get('payee'),
        noteParts: [row.get('item'), row.get('remark')],
        category: row.get('category'),
        externalId: orderId,
        refundOf: refund && separator > 0 ? orderId.slice(0, separator) : undefined,
        fee,
        paymentMethod: row.get('method'),
      }),
    );
  }
  return {
    accounts: [{ type: 'cash', currency: 'CNY', rows }],
    skipped,
    errors,
    detected: {
      delimiter: ',',
      headerLine: bill.headerLine,
      header: bill.header,
      dateFormat: bill.dateFormat,
      variant: bill.header.map((name) => name.normalize('NFKC')).includes('交易订单号') ? 'app' : 'web',
    },
  };
}
