import { uniqueDigits, weighted } from '../prng.ts';
import { groupThousands, wan, withDecimals } from '../format/numbers.ts';
import { grouped, list, words, emailLocalPart, type City, type EmailPattern, type LocaleData, type PhoneNumber } from './locale-data.ts';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, HOMOPHONES, pinyinOf } from './zh-cn-names.ts';

const CITIES: City[] = list(`
北京;北京市;100;10;朝阳区 海淀区 东城区 西城区 丰台区 通州区|上海;上海市;200;21;浦东新区 徐汇区 静安区 黄浦区 长宁区 闵行区|
广州;广东省;510;20;天河区 越秀区 海珠区 白云区 番禺区|深圳;广东省;518;755;南山区 福田区 罗湖区 宝安区 龙岗区|
杭州;浙江省;310;571;西湖区 上城区 拱墅区 滨江区 余杭区|南京;江苏省;210;25;玄武区 鼓楼区 秦淮区 建邺区 江宁区|
苏州;江苏省;215;512;姑苏区 吴中区 相城区 虎丘区|成都;四川省;610;28;锦江区 青羊区 武侯区 成华区 金牛区|
重庆;重庆市;400;23;渝中区 江北区 南岸区 沙坪坝区 九龙坡区|武汉;湖北省;430;27;江汉区 武昌区 洪山区 江岸区 汉阳区|
西安;陕西省;710;29;雁塔区 碑林区 未央区 莲湖区 新城区|天津;天津市;300;22;和平区 河西区 南开区 河东区 滨海新区|
郑州;河南省;450;371;金水区 二七区 中原区 管城回族区|长沙;湖南省;410;731;岳麓区 芙蓉区 天心区 开福区 雨花区|
青岛;山东省;266;532;市南区 市北区 崂山区 黄岛区 李沧区|厦门;福建省;361;592;思明区 湖里区 集美区 海沧区|
沈阳;辽宁省;110;24;和平区 沈河区 皇姑区 铁西区 浑南区`).map((row) => {
  const [name, region, post, area, districts] = row.split(';');
  return { name, region, post, area, districts: districts.split(' ') };
});

const ROADS = words(`建国路 人民路 解放路 中山路 长安街 南京路 淮海路 和平路 新华路 文化路 建设路 科技路 学府路 光明路 幸福路
  胜利路 东风路 青年路 朝阳路 复兴路 黄河路 长江路 延安路 北京路 世纪大道 滨江大道`);
const ESTATES = words('阳光花园 幸福家园 金色家园 翠湖苑 锦绣华庭 龙湖花园 绿洲小区 和谐家园 书香门第 紫荆苑');
const TOWERS = words('国际大厦 科技大厦 金融中心 商务中心 创业大厦');
const MOBILE_PREFIXES = words('130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 176 177 180 181 182 183 185 186 187 188 189 199');

const MOBILE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [(p) => p.area + p.sub, 40],
  [(p) => `${p.area} ${grouped(p.sub, [4], ' ')}`, 20],
  [(p) => `${p.area}-${grouped(p.sub, [4], '-')}`, 15],
  [(p) => `+86 ${p.area} ${grouped(p.sub, [4], ' ')}`, 10],
  [(p) => `+86${p.area}${p.sub}`, 5],
  [(p) => `86-${p.area}${p.sub}`, 5],
  [(p) => `(+86)${p.area}${p.sub}`, 5],
]);
const LANDLINE_FORMATS = weighted<(p: PhoneNumber) => string>([
  [(p) => `0${p.area}-${p.sub}`, 45],
  [(p) => `(0${p.area})${p.sub}`, 10],
  [(p) => `0${p.area} ${grouped(p.sub, [4], ' ')}`, 15],
  [(p) => `+86 ${p.area} ${grouped(p.sub, [4], ' ')}`, 10],
  [(p) => `0${p.area}${p.sub}`, 15],
  [(p) => `0086-${p.area}-${p.sub}`, 5],
]);

const INCOME_FORMATS = weighted<(n: number) => string>([
  [(n) => String(n), 35], [(n) => groupThousands(n, ','), 15], [(n) => '¥' + groupThousands(n, ','), 15],
  [(n) => wan(n), 10], [(n) => withDecimals(n, ',', '.').replace(/,/g, ''), 10], [(n) => groupThousands(n, ',') + '元', 15],
]);

const GENDER = {
  M: weighted([['男', 80], ['男性', 5], ['M', 10], ['先生', 5]]),
  F: weighted([['女', 80], ['女性', 5], ['F', 10], ['女士', 5]]),
};

const BRAND = words('华信 恒通 鑫源 宏达 盛世 天成 永安 瑞丰 嘉和 中科 博远 金桥');
const TRADE = words('科技 贸易 电子 实业 投资 物流 建设 信息技术 文化传媒 餐饮管理');

const EMAIL_PATTERNS: readonly EmailPattern[] = ['fg', 'f.g', 'gf', 'fgyyyy', 'gfyy', 'f_g', 'f0gnnn'];

export const zhCN: LocaleData = {
  locale: 'zh-CN',
  countryCode: 'CN',
  countryAlpha3: 'CHN',
  callingCode: '86',
  currency: 'CNY',
  country: weighted([['中国', 60], ['中华人民共和国', 10], ['China', 20], ['CN', 5], ['PRC', 5]]),
  givenMale: GIVEN_MALE.map(([h]) => h),
  givenFemale: GIVEN_FEMALE.map(([h]) => h),
  family: FAMILY.map(([h]) => h),
  nicknames: {},
  romanise: pinyinOf,
  fullName: (given, family) => family + given,
  familyVariants: (_rng, family) => family,
  typo: (rng, part) => {
    const chars = [...part];
    const i = rng.int(0, chars.length - 1);
    const alternatives = HOMOPHONES[chars[i]];
    if (!alternatives) return part;
    chars[i] = [...alternatives][rng.int(0, [...alternatives].length - 1)];
    return chars.join('');
  },
  cities: CITIES,
  makeAddress: (rng, city) => ({
    city,
    postcode: city.post + rng.digits(3),
    houseNo: String(rng.int(1, 999)),
    streetName: rng.pick(ROADS),
    streetType: 0,
    district: rng.pick(city.districts ?? ['']),
    unit: rng.chance(0.7)
      ? rng.pick([`${rng.pick(ESTATES)}${rng.int(1, 30)}栋${rng.int(1, 6)}单元${rng.int(1, 33)}0${rng.int(1, 4)}室`, `${rng.int(1, 20)}号楼${rng.int(1, 28)}0${rng.int(1, 6)}`, `${rng.pick(TOWERS)}${rng.int(2, 40)}层`])
      : undefined,
  }),
  // Chinese systems often put the whole address, province and city included, in the one street field.
  streetLine: (rng, a, variant) => {
    const prefix = variant ? (a.city.region.endsWith('市') ? a.city.region : a.city.region + a.city.name + '市') : '';
    return `${prefix}${a.district ?? ''}${a.streetName}${a.houseNo}号${a.unit ?? ''}`;
  },
  region: (rng, city) => (rng.chance(0.7) ? city.region : city.region.replace(/[省市]$/, '')),
  cityName: (rng, city) => (rng.chance(0.5) ? city.name + '市' : city.name),
  mobile: (rng, serial) => ({ area: rng.pick(MOBILE_PREFIXES), sub: uniqueDigits(serial, 8, 19), mobile: true }),
  // Most cities have 8-digit local numbers; Xiamen still has 7.
  landline: (rng, city, serial) => ({ area: city.area, sub: (city.area === '592' ? '' : String(rng.int(2, 8))) + uniqueDigits(serial, 7, 73), mobile: false }),
  formatPhone: (rng, p) => (p.mobile ? MOBILE_FORMATS(rng)(p) : LANDLINE_FORMATS(rng)(p)),
  emailDomain: weighted([['qq.com', 35], ['163.com', 20], ['126.com', 10], ['sina.com', 8], ['foxmail.com', 5], ['gmail.com', 5], ['hotmail.com', 4], ['outlook.com', 4], ['sohu.com', 4], ['aliyun.com', 3], ['139.com', 2]]),
  emailLocal: (rng, given, family, year) => {
    const g = given.toLowerCase(), f = family.toLowerCase();
    // QQ addresses are usually the QQ number itself.
    if (rng.chance(0.3)) return String(rng.int(10000, 99999)) + rng.digits(rng.int(0, 5));
    return emailLocalPart(rng, g, f, year, EMAIL_PATTERNS);
  },
  company: (rng, _family, city) => `${city.name}${rng.pick(BRAND)}${rng.pick(TRADE)}${rng.pick(['有限公司', '有限公司', '股份有限公司', '有限责任公司'])}`,
  incomeMedian: 120000,
  formatIncome: (rng, n) => INCOME_FORMATS(rng)(n),
  dateStyle: weighted([['zh', 35], ['iso', 40], ['ymd_slash', 15], ['compact', 10]]),
  timestampStyle: weighted([['sql', 60], ['ymd_slash_hms', 20], ['zh_hm', 10], ['iso_z', 10]]),
  gender: (rng, g) => GENDER[g](rng),
  otherGender: [],
  placeholderNames: ['测试', '测试用户', 'TEST', 'asdf', 'xxx', 'N/A', '无', '未知', '某某'],
};
