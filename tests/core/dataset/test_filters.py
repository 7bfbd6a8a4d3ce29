"""The active filters as a value: set one, read them back, keep only what the dataset knows."""

from __future__ import annotations

import pytest

from hkqh_tui.core.dataset.filters import Filters
from hkqh_tui.core.dataset.loading import read_dataset


def test_with_value_makes_a_new_value_and_leaves_the_old_one():
    before = Filters(category="transport")
    after = before.with_value("audience", "elderly")
    assert before == Filters(category="transport")
    assert after == Filters(category="transport", audience="elderly")
    assert after.with_value("category", None) == Filters(audience="elderly")


def test_values_compare_by_content():
    assert Filters().with_value("status", "pilot") == Filters(status="pilot")
    assert Filters(status="pilot") != Filters(status="operating")


def test_items_follow_the_filter_order():
    assert list(Filters(status="pilot", category="health").items()) == [
        ("category", "health"), ("audience", None), ("status", "pilot")]


def test_any_filter_set_makes_it_true():
    assert not Filters()
    assert Filters(audience="youth")


@pytest.mark.parametrize("name", ["district", "", "Category"])
def test_an_unknown_filter_name_is_refused(name):
    with pytest.raises(KeyError):
        Filters().get(name)
    with pytest.raises(KeyError):
        Filters().with_value(name, "x")


def test_known_keeps_only_values_of_the_dataset(small_dataset):
    dataset = read_dataset(str(small_dataset)).dataset
    assert dataset is not None
    filters = Filters(category="transport", audience="no-such-audience")
    assert filters.known(dataset.vocabularies) == {"category": "transport"}
