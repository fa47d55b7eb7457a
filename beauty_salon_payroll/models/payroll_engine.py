# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The pay calculation of one master over one scheme segment: pure arithmetic, no database access.

``beauty.payroll.sheet`` gathers the inputs (paid revenue, attendance) and stores the resulting lines;
keeping the arithmetic here makes every scheme kind testable with hand-computed figures.
"""

from dataclasses import dataclass, field
from datetime import date

from .beauty_payroll_scheme import REDUCTION_SWITCHES


@dataclass
class RevenueRow:
    """One paid invoice line of a sale line performed or sold by the master, in company currency.

    Amounts are signed: a credit note gives negative ones. ``amount`` is after the line's own discount,
    ``list_amount`` before it; ``reductions`` holds, by kind, everything that lowers ``list_amount`` (the
    line's own discount and its share of the order lines that lower the price, ``{kind: amount}``,
    negative on an invoice); ``materials`` the consumables cost of the part invoiced here; ``quantity``
    the number of services (or units) invoiced.
    """

    date: date
    product: object
    amount: float
    list_amount: float
    quantity: float = 1.0
    is_service: bool = True
    reductions: dict = field(default_factory=dict)
    materials: float = 0.0
    move_line_id: int | None = None
    sale_line_id: int | None = None
    visit_line_id: int | None = None

    def commission_base(self, deducted):
        """The base before consumables: the list price less the reductions of the ``deducted`` kinds
        (``beauty.payroll.scheme._deducted_kinds``; a kind no scheme switch names is a discount)."""
        return self.list_amount + sum(
            value
            for kind, value in self.reductions.items()
            if (kind if kind in REDUCTION_SWITCHES else "discount") in deducted
        )

    def net_base(self, scheme, deducted):
        """The commission base after the consumables cost, when the scheme deducts it (never past zero)."""
        base = self.commission_base(deducted)
        if not (self.is_service and scheme.deduct_materials and self.materials):
            return base
        net = base - self.materials
        return net if net * base > 0 else 0.0


@dataclass
class Segment:
    """Days ``first``..``last`` of a payroll period paid by one scheme, with what happened in them."""

    first: date
    last: date
    scheme: object
    period_days: int
    rows: list = field(default_factory=list)
    worked_hours: float = 0.0
    shifts: int = 0

    @property
    def share(self):
        """The part of the period this segment covers (salary and minimum are prorated by days)."""
        return ((self.last - self.first).days + 1) / self.period_days


def _revenue_line(row, kind, base, rate, amount, scheme, name):
    return {
        "kind": kind,
        "name": name,
        "date": row.date,
        "quantity": row.quantity,
        "revenue": row.amount,
        "base": base,
        "rate": rate,
        "amount": amount,
        "scheme_id": scheme.id,
        "move_line_id": row.move_line_id,
        "sale_line_id": row.sale_line_id,
        "visit_line_id": row.visit_line_id,
        "product_id": row.product.id,
    }


def _spread(total, weights, currency):
    """Round ``total * weight`` per weight so that the rounded parts add up to the rounded total."""
    parts = [currency.round(total * weight) for weight in weights]
    if parts:
        largest = max(range(len(parts)), key=lambda index: abs(parts[index]))
        parts[largest] = currency.round(parts[largest] + currency.round(total) - sum(parts))
    return parts


def compute_segment(env, segment, currency):
    """Sheet line values (``beauty.payroll.sheet.line``) earned in ``segment``."""
    scheme = segment.scheme
    deducted = scheme._deducted_kinds()
    lines = []
    services = [row for row in segment.rows if row.is_service]
    tiered = []
    rules = {product: scheme._rule_for(product) for product in {row.product for row in services}}
    for row in services:
        base = row.net_base(scheme, deducted)
        rule = rules[row.product]
        if not rule and scheme.tier_mode != "none":
            tiered.append((row, base))
            continue
        rate = rule.rate if rule else scheme.service_rate
        fixed = rule.fixed_amount if rule else scheme.service_fixed_amount
        amount = currency.round(base * rate / 100 + fixed * row.quantity)
        lines.append(_revenue_line(row, "service", base, rate, amount, scheme, row.product.display_name))
    if tiered:
        lines += _tiered_lines(env, scheme, deducted, services, tiered, currency)
    if scheme.retail_rate:
        for row in segment.rows:
            if not row.is_service:
                base = row.net_base(scheme, deducted)
                amount = currency.round(base * scheme.retail_rate / 100)
                name = row.product.display_name
                lines.append(_revenue_line(row, "retail", base, scheme.retail_rate, amount, scheme, name))
    lines += _salary_lines(env, segment, currency)
    earned = sum(line["amount"] for line in lines)
    guaranteed = currency.round(scheme.minimum_amount * segment.share)
    if scheme.minimum_amount and guaranteed > earned:
        lines.append(
            {
                "kind": "minimum",
                "name": env._("Guaranteed minimum %(amount)s", amount=guaranteed),
                "date": segment.first,
                "quantity": 1.0,
                "base": earned,
                "amount": currency.round(guaranteed - earned),
                "scheme_id": scheme.id,
            }
        )
    return lines


def _tiered_lines(env, scheme, deducted, services, tiered, currency):
    """Lines of the services paid by the tiers; the bracket comes from all the period's service revenue."""
    revenue = sum(row.commission_base(deducted) for row in services)
    if scheme.tier_mode == "whole":
        rate = scheme._tier_rate(revenue)
        name = env._("whole amount, bracket %(rate)s %%", rate=rate)
    else:
        first_rate = scheme.tier_ids.sorted("threshold")[:1].rate
        rate = scheme._marginal_commission(revenue) / revenue * 100 if revenue > 0 else first_rate
        name = env._("marginal brackets, %(rate)s %% effective", rate=round(rate, 2))
    bases = [base for _row, base in tiered]
    commissions = _spread(
        sum(bases) * rate / 100, [base / sum(bases) if sum(bases) else 0 for base in bases], currency
    )
    lines = []
    for (row, base), commission in zip(tiered, commissions, strict=True):
        amount = currency.round(commission + scheme.service_fixed_amount * row.quantity)
        label = f"{row.product.display_name} ({name})"
        lines.append(_revenue_line(row, "service", base, rate, amount, scheme, label))
    return lines


def _salary_lines(env, segment, currency):
    scheme = segment.scheme
    days = (segment.last - segment.first).days + 1
    if scheme.salary_mode == "period":
        quantity, amount = days, scheme.salary_amount * segment.share
        name = env._("Salary for %(days)s of %(period)s days", days=days, period=segment.period_days)
    elif scheme.salary_mode == "shift":
        quantity, amount = segment.shifts, scheme.salary_amount * segment.shifts
        name = env._("Pay for %(shifts)s worked shifts", shifts=segment.shifts)
    elif scheme.salary_mode == "hour":
        quantity, amount = segment.worked_hours, scheme.salary_amount * segment.worked_hours
        name = env._("Pay for %(hours)s hours worked", hours=round(segment.worked_hours, 2))
    else:
        return []
    return [
        {
            "kind": scheme.salary_mode if scheme.salary_mode != "period" else "salary",
            "name": name,
            "date": segment.first,
            "quantity": quantity,
            "rate": scheme.salary_amount,
            "amount": currency.round(amount),
            "scheme_id": scheme.id,
        }
    ]
