#!/usr/bin/env python3
"""Write crates/roster/data/sample_roster.csv: 71 invented account managers shaped like the seed's team
(6 senior, 36 intermediate, 18 junior, 11 trainee; 56 regular, 15 contract staff).
Deterministic (a fixed seed); names are invented and neutral."""
import csv, os, random

_rng = random.Random(20261130)
def rnd(n):
    return _rng.randrange(n)

surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
given = ["文", "明", "华", "平", "安", "宁", "欣", "悦", "晨", "雨", "佳", "思", "嘉", "怡", "浩", "宇", "晓", "云", "静", "涛", "俊", "立", "清", "远"]
plan = [("高级", 6, (8, 21), ["本科", "硕士"]), ("中级", 36, (3, 15), ["大专", "本科"]),
        ("初级", 18, (1, 9), ["中专", "大专", "本科"]), ("见习", 11, (0, 3), ["大专", "本科"])]
contract_per_level = {"高级": 0, "中级": 6, "初级": 5, "见习": 4}
rows = []
n = 0
for level, count, (ylo, yhi), edus in plan:
    for k in range(count):
        n += 1
        band = "" if level == "见习" else "ABC"[k % 3]
        employment = "聘用" if k < contract_per_level[level] else "在册"
        years = ylo + rnd(yhi - ylo)
        name = surnames[rnd(len(surnames))] + given[rnd(len(given))] + ("" if rnd(3) == 0 else given[rnd(len(given))])
        base = {"高级": 86, "中级": 80, "初级": 74, "见习": 68}[level]
        score = lambda: str(min(100, base + rnd(16) - 3))
        rows.append({
            "工号": f"KM{n:03d}", "姓名": name, "等级": level, "档次": band, "用工性质": employment,
            "岗位年限": years, "农村": "是" if rnd(5) < 2 else "否",
            "经营业绩": score(), "客户满意度": score(), "工业企业评价": score(), "自我评价": score(), "营销部审核评价": score(),
            "考试成绩": score(), "综合评议": score(), "学历": edus[rnd(len(edus))], "工作年限": years + rnd(8),
        })
assert len(rows) == 71 and sum(r["用工性质"] == "聘用" for r in rows) == 15
out = os.path.join(os.path.dirname(__file__), "..", "crates", "roster", "data", "sample_roster.csv")
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerows(rows)
print(f"wrote {out}: {len(rows)} rows")
