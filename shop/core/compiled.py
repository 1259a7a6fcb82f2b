"""ORM queries compiled once per process, then sent as their SQL with each call's values.

A signed-in buyer's every page asks a few small questions: the units in their basket (the header's badge, the
product page's stepper), whether they may review the product, which of their wish lists hold it. The ORM's building and compiling of each such query
cost about 1.2 ms of CPU, its SQL 0.2 ms: most of what a signed-in page costs beyond an anonymous one (issue 20).
``CompiledQuery`` keeps the ORM as the one description of the query (tables, joins, columns follow the models) and
pays for compiling it once.

    BASKET_UNITS = CompiledQuery(lambda owner: Line.objects.filter(basket__owner_id=owner).values_list(…))
    rows = BASKET_UNITS.rows(user.pk)

``build`` gets one placeholder per value (an integer unlikely anywhere else) and returns a ``values_list`` query
set in which each placeholder must reach the SQL as a parameter of its own: checked when it is compiled. Rows come
back as the database driver gives them, without the ORM's converters: for integer and text columns.
"""

from django.db import DEFAULT_DB_ALIAS, connections

PLACEHOLDER_BASE = -7_130_001_000


class CompiledQuery:
    def __init__(self, build, arity=1):
        self._build = build
        self._placeholders = tuple(PLACEHOLDER_BASE - index for index in range(arity))
        self._compiled = {}  # database alias → (SQL, for each parameter: the value's index or ("constant", value))

    def rows(self, *values, using=DEFAULT_DB_ALIAS):
        if len(values) != len(self._placeholders):
            raise TypeError(f"{len(self._placeholders)} values expected, {len(values)} given")
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        sql, parameters = compiled
        arguments = [values[part] if isinstance(part, int) else part[1] for part in parameters]
        with connections[using].cursor() as cursor:
            cursor.execute(sql, arguments)
            return cursor.fetchall()

    def _compile(self, using):
        sql, params = self._build(*self._placeholders).using(using).query.sql_with_params()
        parameters = []
        for param in params:
            if isinstance(param, int) and param in self._placeholders:
                parameters.append(self._placeholders.index(param))
            else:
                parameters.append(("constant", param))
        used = [part for part in parameters if isinstance(part, int)]
        if sorted(used) != list(range(len(self._placeholders))):
            raise ValueError(f"each value must be one parameter of the SQL: {sql} {params}")
        return sql, parameters
