#!/usr/bin/env python3
"""Write tests/hostile/: hostile inputs, each with the error code it must produce
(manifest.tsv: file, kind, expected code or `ok`). tests/hostile.rs runs them all;
bigger cases (a 10 MB cell, 100,000 columns) are generated there, not stored."""
import io, json, os, zipfile

here = os.path.join(os.path.dirname(__file__), "..", "tests", "hostile")
os.makedirs(here, exist_ok=True)
rows = []
H = "工号,等级,档次,用工性质,岗位年限,综合得分"

def put(name, kind, expected, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    rows.append((name, kind, expected))

def csv(name, expected, *lines):
    put(name, "roster", expected, "\n".join([H, *lines]) + "\n")

# Rosters
put("empty.csv", "roster", "invalid_value", b"")
put("header_only.csv", "roster", "no_rows", H + "\n")
put("blank_lines_only.csv", "roster", "invalid_value", "\n\n\n")
csv("bom_in_middle.csv", "invalid_number", "A1,中级,B,聘用,12,88\ufeff.5")
put("mixed_encodings.csv", "roster", "missing_field", H.encode("utf-8") + b"\nA1,\xd6\xd0\xbc\xb6,B,\xc6\xb8\xd3\xc3,12,88\n")
csv("nan_score.csv", "invalid_number", "A1,中级,B,聘用,12,NaN")
csv("infinity_score.csv", "invalid_number", "A1,中级,B,聘用,12,Infinity")
csv("huge_exponent.csv", "overflow", "A1,中级,B,聘用,12,1e400")
csv("score_beyond_decimal.csv", "overflow", "A1,中级,B,聘用,12,99999999999999999999999999999999")
csv("negative_years.csv", "invalid_value", "A1,中级,B,聘用,-3,88")
csv("fractional_years.csv", "invalid_value", "A1,中级,B,聘用,12.5,88")
csv("score_150.csv", "score_range", "A1,中级,B,聘用,12,150")
csv("european_decimal.csv", "invalid_number", 'A1,中级,B,聘用,12,"45.000,00"')
csv("na_score.csv", "invalid_number", "A1,中级,B,聘用,12,N/A")
csv("duplicate_ids.csv", "duplicate_id", "A1,中级,B,聘用,12,88", "A1,初级,C,在册,3,70")
csv("unknown_level.csv", "unknown_level", "A1,专家,B,聘用,12,88")
csv("unknown_band.csv", "unknown_band", "A1,中级,Z,聘用,12,88")
csv("trainee_with_band.csv", "unknown_band", "A1,见习,A,聘用,1,88")
csv("unknown_employment.csv", "unknown_mode", "A1,中级,B,临时工,12,88")
csv("missing_id.csv", "missing_field", ",中级,B,聘用,12,88")
put("duplicate_headers.csv", "roster", "invalid_value", "工号,等级,档次,档次,用工性质,岗位年限,综合得分\nA1,中级,B,B,聘用,12,88\n")
put("missing_required_column.csv", "roster", "missing_field", "工号,档次,用工性质\nA1,B,聘用\n")
put("two_digit_year.csv", "roster", "invalid_date", "工号,等级,档次,用工性质,入岗日期,综合得分\nA1,中级,B,聘用,14/3/1,88\n")
put("impossible_date.csv", "roster", "invalid_date", "工号,等级,档次,用工性质,入岗日期,综合得分\nA1,中级,B,聘用,2025-02-30,88\n")
put("excel_leap_bug_date.csv", "roster", "invalid_date", "工号,等级,档次,用工性质,入岗日期,综合得分\nA1,中级,B,聘用,60,88\n")
csv("unterminated_quote.csv", "invalid_value", 'A1,中级,B,聘用,12,"88')
put("not_utf8_not_gbk.csv", "roster", "invalid_value", b"\xff\xfe\xfd\x80\x81\x82\n")
csv("formula_name.csv", "ok", "=HYPERLINK(\"x\"),中级,B,聘用,12,88")
csv("markup_id.csv", "ok", "<img src=x onerror=alert(1)>,中级,B,聘用,12,88")
put("paid_days_negative.csv", "roster", "paid_days_range", "工号,等级,档次,用工性质,岗位年限,综合得分,计薪天数\nA1,中级,B,聘用,12,88,-1\n")
put("roster_not_array.json", "roster", "invalid_value", '{"id":"A1"}')
put("roster_deep.json", "roster", "invalid_json", "[" * 200 + "]" * 200)
put("roster_unknown_fields.json", "roster", "ok", json.dumps([{"id": "A1", "level": "intermediate", "band": "B",
    "employment": "contract", "years_in_post": 12, "composite_score": "88", "favourite_colour": "red"}]))
put("truncated.xlsx", "roster", "invalid_value", b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
put("corrupt.xlsx", "roster", "invalid_value", b"PK\x03\x04" + bytes(range(256)) * 4)
# A CSV named .xlsx is read by its content (issue 15); it lacks 用工性质.
put("not_a_zip.xlsx", "roster", "missing_field", "工号,等级\nA1,中级\n")
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
        chunk = b"<c><v>0</v></c>" * 65536
        for _ in range(300):   # ~300 MB of XML, a few hundred KB packed
            w.write(chunk)
put("zip_bomb.xlsx", "roster", "too_large", buf.getvalue())

# Policies
base = json.load(open(os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "spec_examples", "policy.json")))
def policy(name, expected, edit):
    p = json.loads(json.dumps(base)); edit(p); put(name, "policy", expected, json.dumps(p, ensure_ascii=False))
policy("weights_not_one.json", "weights_sum", lambda p: p["evaluation"]["weights"].update(business="0.41"))
policy("unknown_mode.json", "unknown_mode", lambda p: p["seniority"].update(mode="progressive"))
policy("negative_wage.json", "negative_amount", lambda p: p["ladder"][1].update(base_wage="-1500"))
policy("zero_standard_days.json", "standard_days", lambda p: p["proration"].update(standard_days="0"))
policy("wrong_format.json", "unsupported_format", lambda p: p.update(format="paygrade-policy/2"))
policy("brackets_out_of_order.json", "brackets_order", lambda p: p["seniority"]["brackets"][1].update(through_year=5))
policy("assessment_ascending.json", "assessment_order", lambda p: p["performance"]["assessment"]["table"].reverse())
policy("duplicate_level.json", "duplicate_level", lambda p: p["ladder"][3].update(level="junior"))
policy("duplicate_band.json", "duplicate_band", lambda p: p["ladder"][3]["bands"][0].update(band="A"))
policy("amount_beyond_range.json", "overflow", lambda p: p["performance"].update(base="792281625142643375935439503350"))
policy("rounding_scale_9.json", "rounding_scale", lambda p: p["rounding"].update(scale=9))
policy("quota_cap_above_one.json", "fraction_range", lambda p: p["ladder"][2].update(quota_max="1.5"))
policy("unknown_fields.json", "ok", lambda p: p.update(favourite_colour="red"))
put("policy_array.json", "policy", "invalid_value", "[1,2,3]")
put("policy_not_json.json", "policy", "invalid_json", "format: paygrade")
put("policy_deep.json", "policy", "invalid_json", '{"a":' * 300 + "1" + "}" * 300)

# Employees
e1 = {"id": "E001", "level": "intermediate", "band": "B", "employment": "contract", "years_in_post": 12,
      "rural": True, "scores": {"business": "92", "customer_satisfaction": "88", "supplier": "85", "self": "95", "marketing_audit": "80"}}
def emp(name, expected, edit):
    e = json.loads(json.dumps(e1)); edit(e); put(name, "employee", expected, json.dumps(e, ensure_ascii=False))
emp("score_150.json", "score_range", lambda e: e["scores"].update(supplier="150"))
emp("years_and_start.json", "conflicting_fields", lambda e: e.update(post_start="2010-01-01"))
emp("start_after_pay_date.json", "post_start_after_as_of", lambda e: (e.pop("years_in_post"), e.update(post_start="2030-01-01")))
emp("paid_days_above_month.json", "paid_days_range", lambda e: e.update(paid_days="22"))
emp("nan_string.json", "invalid_number", lambda e: e["scores"].update(self="NaN"))
put("exponent_number.json", "employee", "overflow", json.dumps(e1).replace('"92"', "1e400"))
emp("impossible_date.json", "invalid_date", lambda e: (e.pop("years_in_post"), e.update(post_start="2025-02-30")))
put("employee_empty_object.json", "employee", "missing_field", "{}")
emp("rural_maybe.json", "invalid_value", lambda e: e.update(rural="maybe"))

with open(os.path.join(here, "manifest.tsv"), "w", encoding="utf-8") as f:
    f.write("# file\tkind\texpected (error code, or ok)\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(f"{len(rows)} hostile files in {here}")
