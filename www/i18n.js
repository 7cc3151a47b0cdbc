// Page text in Chinese and English. Error messages come from the engine in both languages.

export const TEXT = {
  zh: {
    title: '客户经理薪酬计算', privacy: '全部计算在本机浏览器中完成,数据不会发送到任何地方。',
    print: '打印估算单', mypay: '我的月薪', grade: '等级档次', level: '等级', band: '档次',
    employment: '用工性质', regular: '在册职工', contract: '聘用工', rural: '服务农村零售客户(加一档)',
    seniority: '岗位年限', by_years: '按年数', by_date: '按入岗日期', years_in_post: '客户经理岗位满几年',
    post_start: '入岗日期', as_of: '计薪日期', evaluation: '五评价', five_scores: '五项评分',
    composite_direct: '直接填综合得分', business: '经营业绩', customer_satisfaction: '客户满意度',
    supplier: '工业企业评价', self: '自我评价', marketing_audit: '营销部审核评价', composite_score: '综合得分',
    month: '本月', paid_days: '计薪天数(空 = 满月)', reset: '清空重填', breakdown: '月薪明细',
    loading: '正在加载计算引擎…', total: '月薪合计', yuan: '元', coefficient_grade: '系数按', years: '岗位年限',
    rating: '评价', factor: '考核系数', component: '项目', amount: '金额(元)', how: '计算',
    base: '基本岗位工资', floating: '岗位浮动工资', seniority_pay: '年功工资', performance: '效益工资',
    whatif: '如果……', policy_note: '按默认政策计算(示例金额,以本单位政策为准)。',
    footer: 'Paygrade · 薪酬数据只在本机处理', lang_switch: 'English',
    fill_in: '请填写左侧信息,结果会随输入即时更新。', fix_field: '请修改标红的输入项;下方为上一次有效结果。',
    years_unit: '年', band_up: '升一档', level_up: '升一级(同档)', next_seniority: '下一个年功档',
    next_rating: '下一评价所需综合得分', at_years: '满 {y} 年', on_date: '({d} 起)', none_top: '已是最高',
    none_seniority: '年功工资不再增加', storage_corrupt: '保存的输入已损坏,已重新开始。',
    storage_full: '浏览器存储已满,输入无法保存(计算不受影响)。', engine_failed: '计算引擎加载失败:',
    first_result: '首次结果用时',
    levels: { trainee: '见习', junior: '初级', intermediate: '中级', senior: '高级' },
    ratings: { excellent: '优秀', good: '良好', qualified: '合格', basically_qualified: '基本合格', unqualified: '不合格' },
    band_suffix: '档',
  },
  en: {
    title: 'Account-manager pay calculator', privacy: 'Everything is computed in this browser; nothing is sent anywhere.',
    print: 'Print estimate', mypay: 'My pay', grade: 'Grade', level: 'Level', band: 'Band',
    employment: 'Employment', regular: 'Regular (on-roll)', contract: 'Contract', rural: 'Serves rural retail customers (one band up)',
    seniority: 'Years in post', by_years: 'By years', by_date: 'By start date', years_in_post: 'Completed years in post',
    post_start: 'Post start date', as_of: 'Pay date', evaluation: 'Five evaluations', five_scores: 'Five scores',
    composite_direct: 'Composite score directly', business: 'Business results', customer_satisfaction: 'Customer satisfaction',
    supplier: 'Supplier evaluation', self: 'Self-evaluation', marketing_audit: 'Marketing audit', composite_score: 'Composite score',
    month: 'This month', paid_days: 'Paid days (blank = full month)', reset: 'Reset', breakdown: 'Monthly pay',
    loading: 'Loading the calculator…', total: 'Monthly total', yuan: 'CNY', coefficient_grade: 'Coefficient at', years: 'Years in post',
    rating: 'Rating', factor: 'Assessment factor', component: 'Component', amount: 'Amount (CNY)', how: 'How',
    base: 'Base wage', floating: 'Floating wage', seniority_pay: 'Seniority pay', performance: 'Performance pay',
    whatif: 'What if…', policy_note: 'Computed with the default policy (example amounts; your employer\'s policy applies).',
    footer: 'Paygrade · pay data stays on this machine', lang_switch: '中文',
    fill_in: 'Fill in the form; the result updates as you type.', fix_field: 'Fix the highlighted field; below is the last valid result.',
    years_unit: 'years', band_up: 'One band up', level_up: 'One level up (same band)', next_seniority: 'Next seniority bracket',
    next_rating: 'Composite needed for the next rating', at_years: 'at {y} years', on_date: '(from {d})', none_top: 'already at the top',
    none_seniority: 'seniority pay rises no further', storage_corrupt: 'Saved inputs were corrupt; starting afresh.',
    storage_full: 'Browser storage is full; inputs cannot be saved (the calculation still works).', engine_failed: 'The calculator failed to load: ',
    first_result: 'first result in',
    levels: { trainee: 'Trainee', junior: 'Junior', intermediate: 'Intermediate', senior: 'Senior' },
    ratings: { excellent: 'excellent', good: 'good', qualified: 'qualified', basically_qualified: 'basically qualified', unqualified: 'unqualified' },
    band_suffix: '',
  },
};

/** The language to start in: saved choice, else the browser's (zh* → Chinese), else English. */
export function initialLang(saved) {
  if (saved === 'zh' || saved === 'en') return saved;
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  return langs.some((l) => String(l).toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}
