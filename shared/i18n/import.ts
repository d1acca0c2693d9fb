import type { AreaMessages } from './types';

/** Messages of statement import: parser errors (errors.import.*), the wizard (import.*) and `onewallet import` (cli.import.*). */
export const importMessages: AreaMessages = {
  'en-US': {
    // Parsers (electron/import/parse): every issue names the row, and the column and value when it is about one cell.
    errors: {
      import: {
        too_large: 'The file is too large to import: at most {{max}} bytes are read.',
        too_many_rows: 'The file has more than {{max}} rows; split it into smaller files.',
        empty: 'The file is empty.',
        internal: 'The file could not be read because of an error in OneWallet ({{detail}}). Nothing was imported.',
        encoding_unknown: '“{{encoding}}” is not a text encoding OneWallet can read.',
        format_unknown: '“{{format}}” is not a statement format OneWallet can read.',
        format_unsupported: 'This file ({{format}}) cannot be read as the chosen statement format.',
        format_mismatch: 'This file is not a {{format}} statement.',
        account_currency_unknown: '“{{currency}}” is not a known currency code.',
        csv_malformed: 'Row {{line}}: a quoted cell is not closed; the rows from here on could not be read.',
        mapping_invalid: 'The column mapping is not valid (field “{{column}}”).',
        mapping_needed: 'The columns of this file were not recognised: choose which column holds the date and the amount.',
        column_missing: 'The file has no column “{{column}}” (mapped as {{field}}).',
        date_invalid: 'Row {{line}}, column {{column}}: “{{value}}” is not a date in this file’s date format.',
        time_invalid: 'Row {{line}}, column {{column}}: “{{value}}” is not a time of day.',
        amount_invalid: 'Row {{line}}, column {{column}}: “{{value}}” is not an amount.',
        amount_missing: 'Row {{line}}, column {{column}}: the amount is missing.',
        amount_precision: 'Row {{line}}, column {{column}}: “{{value}}” has more decimals than the currency allows.',
        amount_too_large: 'Row {{line}}, column {{column}}: “{{value}}” is too large an amount.',
        currency_unknown: 'Row {{line}}, column {{column}}: “{{value}}” is not a known currency code.',
        alipay_header_missing: 'This is not an Alipay bill OneWallet knows: no header row with 交易时间, 收/支, 金额, 交易状态 and 交易订单号 was found.',
        wechat_header_missing: 'This is not a WeChat Pay bill OneWallet knows: no header row with 交易时间, 收/支, 金额(元) and 交易单号 was found.',
        xlsx_invalid: 'The spreadsheet could not be opened: it is damaged or not an .xlsx file.',
        ofx_invalid: 'Line {{line}}: the OFX file is damaged and could not be read.',
        ofx_no_statement: 'The OFX file holds no bank or credit-card statement.',
        qif_no_type: 'Line {{line}}: the QIF file does not say which kind of account it is (a !Type: line is missing).',
        qif_date_order_conflict: 'The QIF dates mix day-first and month-first forms; choose the date order.',
      },
    },
    import: {
      format: {
        csv: 'CSV',
        ofx: 'OFX / QFX',
        qif: 'QIF',
        alipay: 'Alipay bill',
        wechat: 'WeChat Pay bill',
        skip: {
          footer: 'Summary or footer line after the transactions',
          closed: 'Closed trade (交易关闭): no money moved',
          qif_section: 'QIF section that is not a bank, cash or credit-card register',
        },
      },
    },
  },
  'zh-CN': {
    errors: {
      import: {
        too_large: '文件太大，无法导入：最多读取 {{max}} 字节。',
        too_many_rows: '文件超过 {{max}} 行，请拆分成较小的文件。',
        empty: '文件是空的。',
        internal: '一钱包内部出错，无法读取该文件（{{detail}}）。没有导入任何内容。',
        encoding_unknown: '“{{encoding}}”不是一钱包能读取的文本编码。',
        format_unknown: '“{{format}}”不是一钱包能读取的账单格式。',
        format_unsupported: '该文件（{{format}}）无法按所选账单格式读取。',
        format_mismatch: '该文件不是 {{format}} 账单。',
        account_currency_unknown: '“{{currency}}”不是已知的货币代码。',
        csv_malformed: '第 {{line}} 行：引号内的单元格没有结束，此行起的内容无法读取。',
        mapping_invalid: '列映射无效（字段“{{column}}”）。',
        mapping_needed: '无法识别该文件的列：请选择日期和金额所在的列。',
        column_missing: '文件中没有“{{column}}”列（映射为 {{field}}）。',
        date_invalid: '第 {{line}} 行，“{{column}}”列：“{{value}}”不是该文件日期格式的日期。',
        time_invalid: '第 {{line}} 行，“{{column}}”列：“{{value}}”不是有效的时间。',
        amount_invalid: '第 {{line}} 行，“{{column}}”列：“{{value}}”不是金额。',
        amount_missing: '第 {{line}} 行，“{{column}}”列：缺少金额。',
        amount_precision: '第 {{line}} 行，“{{column}}”列：“{{value}}”的小数位数超过了该货币允许的位数。',
        amount_too_large: '第 {{line}} 行，“{{column}}”列：金额“{{value}}”太大。',
        currency_unknown: '第 {{line}} 行，“{{column}}”列：“{{value}}”不是已知的货币代码。',
        alipay_header_missing: '这不是一钱包认识的支付宝账单：找不到包含 交易时间、收/支、金额、交易状态 和 交易订单号 的表头行。',
        wechat_header_missing: '这不是一钱包认识的微信支付账单：找不到包含 交易时间、收/支、金额(元) 和 交易单号 的表头行。',
        xlsx_invalid: '无法打开该电子表格：文件已损坏或不是 .xlsx 文件。',
        ofx_invalid: '第 {{line}} 行：OFX 文件已损坏，无法读取。',
        ofx_no_statement: '该 OFX 文件中没有银行或信用卡对账单。',
        qif_no_type: '第 {{line}} 行：QIF 文件没有说明账户类型（缺少 !Type: 行）。',
        qif_date_order_conflict: 'QIF 文件中的日期混用了“日在前”和“月在前”两种写法，请选择日期顺序。',
      },
    },
    import: {
      format: {
        csv: 'CSV',
        ofx: 'OFX / QFX',
        qif: 'QIF',
        alipay: '支付宝账单',
        wechat: '微信支付账单',
        skip: {
          footer: '交易记录之后的汇总或页脚行',
          closed: '交易关闭：没有资金变动',
          qif_section: '不是银行、现金或信用卡账户的 QIF 段落',
        },
      },
    },
  },
};

/**
 * Import batches, the planner, the wizard and `onewallet import` (import.wizard.*, cli.import.*,
 * errors.import_batch.*): a block of its own, merged with the parsers' tree by shared/i18n/index.ts.
 */
export const importWizardMessages: AreaMessages = {
  'en-US': {
    errors: {
      import_batch: {
        exists: 'An import with the id {{batchId}} already exists.',
        nothing_to_import: 'Nothing to import: every row of this file is already in the wallet, skipped or has an error.',
        amount_zero: 'Row {{line}}: the amount is 0.',
        bad_date: 'Row {{line}}: “{{value}}” is not a date the wallet can book.',
        bad_text: 'Row {{line}}: the {{column}} contains characters that cannot be stored.',
        transfer_same_account: 'Row {{line}}: a transfer needs two different accounts; choose another account for neutral rows.',
        transfer_currency: 'Row {{line}}: the transfer account is in {{currency}}, not in the statement account’s currency.',
        not_found: 'There is no import {{batchId}} in this wallet.',
        already_undone: 'This import has already been undone.',
        not_undone: 'This import is not undone; there is nothing to restore.',
        reconciled: '{{count}} rows of this import are reconciled and locked; undoing it would change a reconciled statement. Nothing was changed.',
        journal_moved: 'The wallet changed while the import was being written. Nothing was imported; try again.',
        amount_invalid: 'Row {{line}}, column {{column}}: “{{value}}” is not an amount the wallet can hold.',
        row_currency: 'Row {{line}}, column {{column}}: the row is in {{value}}, the account in {{currency}}.',
        account_unusable: 'Row {{line}}: the account {{account}} is frozen or closed.',
        plan_gone: 'This preview is no longer available (the wallet was locked or a newer preview replaced it). Choose the file again.',
      },
    },
    import: {
      wizard: {
        skip: {
          neutral: 'Neutral row (不计收支 or “/”): left out, as chosen',
          zero: 'Amount 0: nothing to record',
        },
      },
    },
  },
  'zh-CN': {
    errors: {
      import_batch: {
        exists: '编号为 {{batchId}} 的导入已存在。',
        nothing_to_import: '没有可导入的内容：此文件的每一行都已在钱包中、被跳过或有错误。',
        amount_zero: '第 {{line}} 行：金额为 0。',
        bad_date: '第 {{line}} 行：“{{value}}”不是钱包可以记账的日期。',
        bad_text: '第 {{line}} 行：{{column}} 含有无法保存的字符。',
        transfer_same_account: '第 {{line}} 行：转账需要两个不同的账户；请为不计收支的行选择另一个账户。',
        transfer_currency: '第 {{line}} 行：转账账户的币种是 {{currency}}，与账单账户的币种不同。',
        not_found: '此钱包中没有编号为 {{batchId}} 的导入。',
        already_undone: '此次导入已经撤销。',
        not_undone: '此次导入没有被撤销，无需恢复。',
        reconciled: '此次导入中有 {{count}} 行已对账并锁定；撤销会改变已对账的账单。未做任何更改。',
        journal_moved: '写入导入时钱包发生了变化。未导入任何内容；请重试。',
        amount_invalid: '第 {{line}} 行，{{column}} 列：“{{value}}”不是钱包可以保存的金额。',
        row_currency: '第 {{line}} 行，{{column}} 列：此行的币种是 {{value}}，账户的币种是 {{currency}}。',
        account_unusable: '第 {{line}} 行：账户 {{account}} 已冻结或已关闭。',
        plan_gone: '此预览已失效（钱包已锁定，或已有更新的预览）。请重新选择文件。',
      },
    },
    import: {
      wizard: {
        skip: {
          neutral: '不计收支的行（不计收支或“/”）：按所选方式不导入',
          zero: '金额为 0：无需记账',
        },
      },
    },
  },
};
