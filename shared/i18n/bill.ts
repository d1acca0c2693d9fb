import type { AreaMessages } from './types';

/** The transactions list as a bill (Alipay style): month sections with spent / income, and the sum of the filter (bill.*). */
export const billMessages: AreaMessages = {
  'en-US': {
    bill: {
      spent: 'Spent',
      income: 'Income',
      net: 'Net',
      totalsLabel: 'Totals of this list',
    },
  },
  'zh-CN': {
    bill: {
      spent: '支出',
      income: '收入',
      net: '结余',
      totalsLabel: '当前列表合计',
    },
  },
};
