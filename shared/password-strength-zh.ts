/**
 * Chinese password habits for the strength scorer (shared/password-strength.ts). Pinyin is
 * committed directly (not derived at load time) so the renderer's lazy scorer chunk does not pull
 * in a pinyin library. Lists are ordered most common first: the position is the guess rank.
 */

/**
 * The most common Chinese passwords: love numbers (520 我爱你, 1314 一生一世), pinyin phrases,
 * QQ-style and keyboard/number habits. Sources: the public rankings of leaked Chinese password
 * sets (CSDN, 天涯, 178), which agree on the head of the list.
 */
export const COMMON_CHINESE_PASSWORDS = [
  '123456', '123456789', '111111', '5201314', '12345678', '123123', '1314520', 'woaini', 'woaini1314',
  'a123456', 'qq123456', 'aini1314', '1qaz2wsx', 'abc123456', 'wang123456', 'zxcvbnm', '520520', '521521',
  '5211314', '1314521', '7758521', '7758258', '147258369', '159357', '000000', '888888', '666666', '168168',
  'woaini520', 'woaini521', 'iloveyou1314', 'aini520', 'aiwo1314', 'woaiwojia', 'woainima', 'woailaopo',
  'laopo520', 'laogong520', 'baobei520', 'baobei1314', 'qinaide', 'xiaobao', 'wodemima', 'mima123',
  'zhongguo', 'woaizhongguo', 'beijing', 'shanghai', 'nihao123', 'nihaoma', 'tiantian', 'xiaoxiao',
  'yiyi1314', 'wuwu', 'hahaha', 'hehehe', 'qwe123', 'qazwsx', 'asd123', 'pass123', 'li123456',
  'zhang123', 'chen123', 'liu123', 'yang123', 'huang123', 'zhao123', 'wu123456', 'zhou123', 'woaiwolaopo',
  'woaiwoziji', 'yishengyishi', 'yongyuan', 'xingfu', 'kuaile', 'pingan', 'fuqi', 'fengkuang', 'shuai',
];

/** The most common Chinese surnames in pinyin (王 李 张 刘 陈 …), then common two-syllable ones; one entry per spelling. */
export const CHINESE_SURNAMES = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu',
  'guo', 'he', 'gao', 'lin', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng',
  'zeng', 'xiao', 'tian', 'dong', 'yuan', 'pan', 'yu', 'jiang', 'cai', 'du', 'ye', 'cheng', 'wei', 'su', 'lu',
  'ding', 'ren', 'shen', 'yao', 'jin', 'fu', 'zhong', 'cui', 'tan', 'liao', 'fan', 'wen', 'shi', 'jia', 'xia',
  'fang', 'bai', 'zou', 'meng', 'qin', 'qiu', 'hou', 'xiong', 'mo', 'kong', 'long', 'wan', 'duan', 'lei',
  'qian', 'yin', 'yi', 'chang', 'qiao', 'lai', 'gong', 'pang', 'lan', 'yan', 'niu', 'hao',
  'kang', 'mao', 'qi', 'gu', 'ou', 'ouyang', 'situ', 'shangguan', 'zhuge', 'dongfang', 'murong', 'sima',
];

/** The most common syllables of given names (伟 芳 娜 敏 静 丽 强 磊 军 洋 …), in pinyin. */
export const CHINESE_GIVEN_SYLLABLES = [
  'wei', 'fang', 'na', 'min', 'jing', 'li', 'qiang', 'lei', 'jun', 'yang', 'yong', 'yan', 'jie', 'juan', 'tao',
  'ming', 'chao', 'xiu', 'xia', 'ping', 'gang', 'gui', 'hua', 'hui', 'hong', 'ying', 'xin', 'yu', 'hao', 'jian',
  'bo', 'lin', 'ling', 'ting', 'xiao', 'zi', 'yi', 'han', 'xuan', 'chen', 'kai', 'peng', 'fei', 'long', 'feng',
  'hai', 'bin', 'dan', 'mei', 'lan', 'yun', 'qing', 'zhen', 'ning', 'wen', 'jia', 'le', 'rui', 'xi', 'shan', 'shu',
  'jin', 'guo', 'dong', 'hu', 'qian', 'zhi', 'hang', 'tian', 'xue', 'yue', 'lu', 'xiang', 'zhong', 'fu', 'cheng',
  'kun', 'bing', 'bao', 'an', 'chun', 'qiu', 'shuang', 'yao', 'meng', 'si', 'zhe', 'ke', 'yuan', 'quan',
  'liang', 'jiao', 'ya', 'qi', 'xing', 'shi', 'heng', 'song', 'tong', 'zhuo', 'huan', 'lili', 'tingting',
  'jingjing', 'dandan', 'lele', 'yueyue', 'xinxin', 'mingming', 'huihui', 'yangyang', 'feifei', 'bingbing',
];
