/**
 * The default RFM segments' names per language (shared/domain/rfm-rules.ts
 * presets): the app's RFM view and the client report say the same words.
 */
export const rfmSegmentNames = {
  en: {
    champions: 'Champions', loyal: 'Loyal', potential_loyalist: 'Potential loyalist', new: 'New', promising: 'Promising', need_attention: 'Need attention',
    about_to_sleep: 'About to sleep', at_risk: 'At risk', cant_lose: "Can't lose them", hibernating: 'Hibernating', lost: 'Lost',
  },
  'zh-CN': {
    champions: '冠军客户', loyal: '忠诚客户', potential_loyalist: '潜在忠诚客户', new: '新客户', promising: '有潜力客户', need_attention: '需要关注',
    about_to_sleep: '即将沉睡', at_risk: '流失风险', cant_lose: '不能失去', hibernating: '休眠客户', lost: '已流失',
  },
};
