"""The treaty's own rules for the dates that follow from a deposit, applied the same way everywhere."""
from __future__ import annotations

from datetime import date, timedelta

from treaty.dates import add_months, first_day_of_month_after
from treaty.model import EntryIntoForceRule, WithdrawalRule


def entry_into_force_date(rule: EntryIntoForceRule, deposit: date) -> date:
    """The general date for early depositors; for a later one, the first day of the Nth month after its
    deposit (Art. 17 of the Mine Ban Convention) or N days after it, as the rule says."""
    if deposit <= rule.threshold_deposit_date:
        return rule.general_date
    if rule.days_after_deposit is not None:
        return deposit + timedelta(days=rule.days_after_deposit)
    return first_day_of_month_after(deposit, rule.months_after_deposit)


def withdrawal_effective_date(rule: WithdrawalRule, deposit: date) -> date:
    """Art. 20 style: the same calendar day `notice_months` after the Depositary received the instrument.

    The armed-conflict proviso can only delay this; a dataset records such a delay as an explicit
    `withdrawal_effective` event with a `rule_exception`.
    """
    return add_months(deposit, rule.notice_months)
