import type { IdType } from '@shared/rules/identity';
import type { Random } from './random';

/** What visitors and staff at a Chinese theme park are called, say and lose. */

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
const GIVEN = Array.from('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鑫宇浩然子涵梓萱欣怡雨桐一诺佳怡思远晨阳俊杰雅琪若曦天佑嘉怡诗涵博文');
const ENGLISH_FIRST = ['James', 'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Sophie', 'Daniel', 'Hannah', 'Kenji', 'Yuki', 'Minho', 'Jisoo'];
const ENGLISH_LAST = ['Smith', 'Brown', 'Wilson', 'Taylor', 'Martin', 'Lee', 'Kim', 'Tanaka', 'Sato', 'Park', 'Nguyen', 'Müller'];

export function chineseName(random: Random): string {
  const given = random.chance(0.7) ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
  return random.pick(SURNAMES) + given;
}

export function visitorName(random: Random, idType: IdType): string {
  return idType === 'passport' ? `${random.pick(ENGLISH_FIRST)} ${random.pick(ENGLISH_LAST)}` : chineseName(random);
}

const AREAS = ['110105', '310115', '440305', '330106', '320102', '510107', '420106', '610113', '370202', '350203', '440106', '500103'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A resident ID number with a real birth date and its MOD 11-2 check character. */
export function residentId(random: Random): string {
  const year = random.int(1950, 2007);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const body = `${random.pick(AREAS)}${year}${month}${day}${random.digits(3)}`;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(body[index]), 0);
  return `${body}${CHECK[sum % 11] ?? '0'}`;
}

export function idNumber(random: Random, type: IdType): string {
  switch (type) {
    case 'resident':
      return residentId(random);
    case 'passport':
      return `${random.pick(['E', 'G', 'P', 'K', 'M'])}${random.digits(8)}`;
    case 'hkMacau':
      return `${random.pick(['H', 'M'])}${random.digits(8)}`;
    case 'taiwan':
      return random.digits(8);
    case 'other':
      return `JG${random.digits(8)}`;
  }
}

export function idTypeOf(random: Random): IdType {
  return random.weighted({ resident: 92, passport: 3, hkMacau: 2, taiwan: 1, other: 2 });
}

export function mobile(random: Random): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${random.digits(9)}`;
}

/** Places in the park, as staff write them. */
export const PLACES = [
  '旋转木马', '过山车入口', '摩天轮', '激流勇进', '海盗船', '水世界更衣室', '水世界造浪池', '儿童乐园', '美食街', '中央广场',
  '南门入口', '北门出口', '停车场B区', '鬼屋', '4D影院', '小火车站', '冰雪世界', '大峡谷漂流', '跳楼机', '欢乐草坪',
  '花车巡游路线', '纪念品商店', '游客服务中心', '快餐厅二楼', '卫生间（东区）', '奶茶店门口', '排队区（过山车）', '观景台', '音乐喷泉', '恐龙馆',
] as const;

export const COLOURS = ['黑色', '白色', '红色', '蓝色', '粉色', '灰色', '绿色', '黄色', '紫色', '棕色', '银色', '金色', '深蓝色', '浅绿色'] as const;

export const CLOTHING = [
  '红色上衣、蓝色牛仔裤', '白色T恤、黑色短裤', '粉色连衣裙、白色凉鞋', '黄色卫衣、灰色运动裤', '蓝色校服', '绿色外套、戴棒球帽',
  '条纹上衣、背小熊书包', '黑色羽绒服', '紫色裙子、扎两个小辫', '迷彩短袖、运动鞋',
] as const;

/** Lost property by category: what it is, what brands, what may be inside. */
export const ITEMS = {
  phone: { names: ['手机', '智能手机'], brands: ['苹果', '华为', '小米', 'OPPO', 'vivo', '荣耀', '三星'], details: ['屏幕有裂痕', '带透明手机壳', '带卡通手机壳', '已关机', '锁屏是小孩照片'] },
  wallet: { names: ['钱包', '长款钱包', '零钱包'], brands: ['', '', 'Coach', '七匹狼', '古驰'], details: ['内有身份证和现金', '内有银行卡三张', '内有会员卡', '内有少量零钱'] },
  bag: { names: ['双肩包', '手提包', '斜挎包', '购物袋', '腰包'], brands: ['', '耐克', '阿迪达斯', '迪卡侬', '优衣库', '李宁'], details: ['内有水杯和充电宝', '内有衣物', '内有零食和纸巾', '内有雨伞'] },
  idDocument: { names: ['身份证', '驾驶证', '学生证', '护照', '港澳通行证'], brands: [''], details: ['姓名见背面', '夹在卡套内', '有磨损'] },
  keys: { names: ['钥匙', '车钥匙', '一串钥匙'], brands: ['', '大众', '丰田', '比亚迪'], details: ['三把，带小熊挂件', '带门禁卡', '带红色绳子'] },
  jewellery: { names: ['项链', '手链', '耳环', '戒指', '手表'], brands: ['', '周大福', '施华洛世奇', '卡西欧'], details: ['在草坪上拾到', '盒装', '扣环已断'] },
  cash: { names: ['现金', '一叠现金'], brands: [''], details: ['用橡皮筋捆着', '装在信封里', '散放'] },
  clothing: { names: ['外套', '帽子', '围巾', '雨衣', '儿童外套', '太阳镜'], brands: ['', '优衣库', '安踏', '李宁', '北面'], details: ['男款L码', '女款', '儿童款', '有名字标签'] },
  childItem: { names: ['儿童水壶', '奶瓶', '毛绒玩具', '儿童雨伞', '安抚巾', '玩具车'], brands: ['', '小猪佩奇', '迪士尼', '乐高'], details: ['粉色图案', '有咬痕', '写着小朋友名字'] },
  other: { names: ['雨伞', '充电宝', '眼镜', '自拍杆', '保温杯', '耳机'], brands: ['', '小米', '苹果', '膳魔师', '索尼'], details: ['在座椅下拾到', '装在盒子里', '有划痕'] },
} as const satisfies Record<string, { names: readonly string[]; brands: readonly string[]; details: readonly string[] }>;

export type ItemCategory = keyof typeof ITEMS;

export const COMPLAINT_TEXTS = {
  serviceAttitude: ['{place}工作人员态度冷淡，询问路线时不予理睬', '{place}检票员语气生硬，当众训斥孩子', '{place}售货员找零时不耐烦'],
  facilities: ['{place}座椅损坏很久无人维修', '{place}饮水机不出水', '{place}指示牌不清楚，绕了很久找不到'],
  safety: ['{place}地面湿滑，孩子摔倒擦伤', '{place}护栏松动，存在安全隐患', '{place}排队区拥挤，无人疏导'],
  ticketsPrices: ['年卡入园时被多收了费用', '网上购买的门票在闸机无法识别', '儿童票身高标准与官网不一致'],
  rides: ['{place}排队超过两小时，中途停运未说明原因', '{place}设备运行中突然停止，被困十分钟', '{place}快速通道插队严重'],
  food: ['{place}饭菜价格过高，分量很少', '{place}食物不新鲜，吃后腹痛', '{place}奶茶里有异物'],
  cleanliness: ['{place}卫生间脏乱，没有纸巾', '{place}垃圾桶满了没人清理', '{place}座位上有大量食物残渣'],
  lostProperty: ['在{place}丢失手机，工作人员处理很慢', '寄存的物品取回时发现损坏', '拾到物品登记后一直没有回复'],
  other: ['停车场收费标准不明确', '园区广播声音太大', '演出临时取消没有通知'],
} as const;

export type ComplaintTextCategory = keyof typeof COMPLAINT_TEXTS;

export function fill(template: string, random: Random): string {
  return template.replaceAll('{place}', random.pick(PLACES));
}
