package io.lambdajca.adapter;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** Describes the EIS: AWS Lambda, API version 2015-03-31; no limit on connections from the EIS side. */
public class LambdaManagedConnectionMetaData implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return "AWS Lambda";
    }

    @Override
    public String getEISProductVersion() {
        return "2015-03-31";
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return null;
    }
}
