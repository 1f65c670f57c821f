"""pandas doing the work of `playbook analyze --framework fact`, as the DuckDB query in
Playbook.Bench does: parse every column, roles, GMV by role and month, campaign windows, buyers
with two or more purchases. Reads a canonical orders.csv or a 抖店 export (Chinese headers).

Usage: python3 bench/pandas_query.py DIR   (Debian's python3-pandas; bench/run.sh installs it)
"""
import sys

import pandas as pd

folder = sys.argv[1]
orders_path = f"{folder}/orders.csv"
with open(orders_path, encoding="utf-8-sig") as f:
    export = "主订单编号" in f.readline()


def cents(text):
    # Amounts as whole cents, so sums are exact as in the other engines.
    return (text.astype(float) * 100).round().astype("int64")


if export:
    raw = pd.read_csv(orders_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    # Unpaid: no payment time, or awaiting payment; a closed order with a payment time was paid.
    paid = (raw["支付完成时间"] != "") & ~raw["订单状态"].str.contains("待支付|待付款")
    raw = raw[paid]
    gmv = cents(raw["订单应付金额"])
    o = pd.DataFrame({
        "order_id": raw["子订单编号"].str.strip("\t"),
        "parent_order_id": raw["主订单编号"].str.strip("\t"),
        "account_id": raw["达人ID"].str.strip("\t").replace({"": None, "0": None}),
        "product_id": raw["商品ID"].str.strip("\t"),
        "quantity": raw["商品数量"].astype("int64"),
        "gmv": gmv,
        "refund": gmv.where(raw["售后状态"] == "退款成功", 0),
        "paid_at": pd.to_datetime(raw["支付完成时间"], format="%Y-%m-%d %H:%M:%S"),
        "buyer_id": raw["买家ID"].replace("", None),
    })
else:
    ids = ["order_id", "parent_order_id", "account_id", "product_id", "buyer_id", "session_id"]
    o = pd.read_csv(orders_path, dtype={c: str for c in ids}, keep_default_na=False, na_values=[""])
    o["paid_at"] = pd.to_datetime(o["paid_at"], format="%Y-%m-%d %H:%M:%S")
    o["gmv"] = cents(o["gmv"])
    o["refund"] = cents(o["refund"].fillna(0))

accounts = pd.read_csv(f"{folder}/accounts.csv", dtype={"account_id": str})
accounts["r"] = accounts["role"].where(
    accounts["role"].notna(),
    accounts["brand_owned"].map({True: "self"}).where(
        accounts["brand_owned"] == True,  # noqa: E712 (a column of booleans)
        (accounts["followers"] >= 5_000_000).map({True: "top_kol", False: "matrix"})))

o["net"] = o["gmv"] - o["refund"]
joined = o.merge(accounts[["account_id", "r"]], on="account_id", how="left")
joined["role"] = joined["r"].fillna(joined["account_id"].isna().map({True: "shelf", False: "matrix"}))
for role, g in joined.groupby("role"):
    print(f"{role}, {g.gmv.sum() / 100:.2f}, {g.refund.sum() / 100:.2f}, {g.net.sum() / 100:.2f}, {len(g)}")

for month, net in o.groupby(o["paid_at"].dt.to_period("M"))["net"].sum().items():
    print(f"{month}, {net / 100:.2f}")

campaigns = pd.read_csv(f"{folder}/campaigns.csv", parse_dates=["starts_on", "ends_on"])
day = o["paid_at"].dt.normalize()
for c in campaigns.sort_values("campaign_id").itertuples():
    print(f"{c.campaign_id}, {o.loc[(day >= c.starts_on) & (day <= c.ends_on), 'net'].sum() / 100:.2f}")

with_buyer = o[o["buyer_id"].notna()]
purchases = with_buyer["parent_order_id"].fillna(with_buyer["order_id"]).groupby(with_buyer["buyer_id"]).nunique()
print(f"{len(purchases)}, {(purchases >= 2).sum()}")
