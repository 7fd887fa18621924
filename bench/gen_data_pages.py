#!/usr/bin/env python3
"""Write a datadesk project of N data pages, each with its own CSV (120 rows: month, region, value), two queries and
two charts (a line and a bar chart), plus a home page. Deterministic: the same N gives the same bytes.

Usage: gen_data_pages.py --pages 100 --out DIR
"""
import argparse
import random
from pathlib import Path

CONFIG = "title: Data pages (bench)\ndescription: Bench corpus of data pages\nlanguage: en\nauthor: bench\n"
REGIONS = ["North", "South", "East", "West"]

PAGE = """---
title: "Data page {i}"
date: {date}
data:
  sales: data/sales.csv
---

Monthly sales for one fictional shop, number {i}. The busiest month sold {{{{ peak.value | number }}}} units.

```sql monthly
select month, sum(value) as value from sales group by 1 order by 1
```

```sql peak
select max(value) as value from monthly
```

```chart
type: line
data: monthly
x: month
y: value
title: Sales per month
```

```sql by_region
select region, sum(value) as value from sales group by 1 order by 2 desc
```

```chart
type: bar
data: by_region
x: region
y: value
title: Sales by region
```
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    out = Path(a.out)
    (out / "content").mkdir(parents=True, exist_ok=True)
    (out / "datadesk.yaml").write_text(CONFIG)
    (out / "content" / "index.md").write_text("---\ntitle: Data pages\n---\n\nEvery page has its own data.\n")
    rng = random.Random(7)
    for i in range(1, a.pages + 1):
        d = out / "content" / f"d{i:05d}"
        (d / "data").mkdir(parents=True, exist_ok=True)
        rows = ["month,region,value"]
        for m in range(30):
            for r in REGIONS:
                rows.append(f"{2020 + m // 12}-{m % 12 + 1:02d}-01,{r},{rng.randint(10, 999)}")
        (d / "data" / "sales.csv").write_text("\n".join(rows) + "\n")
        (d / "index.md").write_text(PAGE.format(i=i, date=f"2024-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}"))


if __name__ == "__main__":
    main()
