/**
 * Chinese names with their pinyin, kept in a table rather than computed with
 * pinyin-pro: surnames like 曾 (Zeng) and 单 (Shan) have surname-only
 * readings, and a lookup costs nothing on the benchmark's hot path.
 */

function pairs(s: string): [string, string][] {
  return s.trim().split(/\s+/).map((p) => p.split(':') as [string, string]);
}

export const FAMILY = pairs(`王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao 吴:Wu 周:Zhou 徐:Xu 孙:Sun 马:Ma
  朱:Zhu 胡:Hu 郭:Guo 何:He 高:Gao 林:Lin 罗:Luo 郑:Zheng 梁:Liang 谢:Xie 宋:Song 唐:Tang 许:Xu 韩:Han 冯:Feng 邓:Deng
  曹:Cao 彭:Peng 曾:Zeng 肖:Xiao 田:Tian 董:Dong 袁:Yuan 潘:Pan 于:Yu 蒋:Jiang 蔡:Cai 余:Yu 杜:Du 叶:Ye 程:Cheng 苏:Su
  魏:Wei 吕:Lyu 丁:Ding 任:Ren 沈:Shen 姚:Yao 卢:Lu 姜:Jiang 崔:Cui 钟:Zhong 谭:Tan 陆:Lu 汪:Wang 范:Fan 金:Jin 石:Shi
  廖:Liao 贾:Jia 夏:Xia 韦:Wei 付:Fu 方:Fang 白:Bai 邹:Zou 孟:Meng 熊:Xiong 秦:Qin 邱:Qiu 江:Jiang 尹:Yin 薛:Xue 闫:Yan
  段:Duan 雷:Lei 侯:Hou 龙:Long 史:Shi 陶:Tao 黎:Li 贺:He 顾:Gu 毛:Mao 郝:Hao 龚:Gong 邵:Shao 万:Wan 钱:Qian 严:Yan
  武:Wu 戴:Dai 莫:Mo 孔:Kong 向:Xiang 汤:Tang 单:Shan 欧阳:Ouyang 司马:Sima 诸葛:Zhuge 上官:Shangguan`);

export const GIVEN_MALE = pairs(`伟:Wei 强:Qiang 磊:Lei 军:Jun 洋:Yang 勇:Yong 杰:Jie 涛:Tao 明:Ming 超:Chao 刚:Gang 平:Ping
  辉:Hui 鹏:Peng 华:Hua 飞:Fei 鑫:Xin 波:Bo 斌:Bin 宇:Yu 浩:Hao 凯:Kai 健:Jian 俊:Jun 帆:Fan 建华:Jianhua 建国:Jianguo
  志强:Zhiqiang 志明:Zhiming 海涛:Haitao 晓东:Xiaodong 文博:Wenbo 子轩:Zixuan 浩然:Haoran 宇航:Yuhang 俊杰:Junjie
  建军:Jianjun 国强:Guoqiang 明辉:Minghui 永刚:Yonggang 天佑:Tianyou 嘉豪:Jiahao 博文:Bowen 一鸣:Yiming 家乐:Jiale
  思远:Siyuan 晨阳:Chenyang`);

export const GIVEN_FEMALE = pairs(`芳:Fang 娜:Na 敏:Min 静:Jing 丽:Li 艳:Yan 娟:Juan 霞:Xia 秀英:Xiuying 桂英:Guiying 玲:Ling
  婷:Ting 雪:Xue 琳:Lin 晶:Jing 燕:Yan 红:Hong 丹:Dan 萍:Ping 颖:Ying 慧:Hui 倩:Qian 洁:Jie 欣怡:Xinyi 梓涵:Zihan
  诗涵:Shihan 雨桐:Yutong 佳怡:Jiayi 思琪:Siqi 晓燕:Xiaoyan 丽华:Lihua 秀兰:Xiulan 淑珍:Shuzhen 美玲:Meiling
  海燕:Haiyan 雅婷:Yating 婉清:Wanqing 若曦:Ruoxi 梦瑶:Mengyao 静怡:Jingyi 玉兰:Yulan 春梅:Chunmei 晓丽:Xiaoli`);

/** Characters typed by pinyin input often come out as a homophone: 王伟 / 王玮. */
export const HOMOPHONES: Record<string, string> = Object.fromEntries(
  `伟:玮炜威 芳:方芬 静:晶婧 丽:莉俐 明:铭鸣 杰:洁捷 华:桦骅 娜:那 敏:闵 磊:垒 军:君俊 勇:永涌 涛:韬滔 辉:晖慧 鹏:朋
   飞:菲 斌:彬 宇:雨羽 浩:昊皓 婷:庭亭 玲:铃琳 琳:林霖 燕:艳雁 红:虹宏 颖:莹 慧:惠蕙 倩:茜 欣:新馨 怡:仪宜 涵:菡寒
   雪:学 艳:燕 霞:侠 英:瑛莹 兰:岚蓝 梅:玫 建:健 国:帼 志:智 晓:小筱 东:冬 文:雯 博:波 轩:萱宣 然:冉 航:杭 豪:浩
   远:源媛 琪:琦淇 珍:真贞 婉:宛 清:青晴 瑶:遥 玉:钰 王:汪 张:章 李:黎`
    .trim().split(/\s+/).map((p) => p.split(':') as [string, string]),
);

const PINYIN = new Map<string, string>([...FAMILY, ...GIVEN_MALE, ...GIVEN_FEMALE].map(([h, p]) => [h, p]));

/** Pinyin for a name part from the tables; unknown parts (homophone slips) pass through. */
export function pinyinOf(part: string): string {
  return PINYIN.get(part) ?? part;
}
